using System;
using System.Globalization;
using System.Threading;

namespace PSRemoteLinks.EngineHost;

/// <summary>
/// Runs engine work on a thread of its own, in the host's culture. The engine does not apply the host's
/// culture to the threads it creates, so without this the output would depend on the machine's locale.
/// </summary>
internal static class PipelineThread
{
    // The stack size the engine gives its own pipeline threads: deep script recursion needs it.
    private const int StackSize = 10 * 1024 * 1024;

    public static Thread Start(CultureInfo culture, Action work)
    {
        var thread = new Thread(
            () =>
            {
                CultureInfo.CurrentCulture = culture;
                CultureInfo.CurrentUICulture = culture;
                work();
            },
            StackSize)
        {
            // A session nobody disposed must not keep the test process alive.
            IsBackground = true,
            Name = "PowerShellSession pipeline",
        };
        thread.Start();
        return thread;
    }

    public static void Run(CultureInfo culture, Action work)
    {
        Exception? failure = null;
        Thread thread = Start(
            culture,
            () =>
            {
                try
                {
                    work();
                }
                catch (Exception ex)
                {
                    failure = ex;
                }
            });
        thread.Join();
        if (failure is not null)
        {
            System.Runtime.ExceptionServices.ExceptionDispatchInfo.Capture(failure).Throw();
        }
    }
}
