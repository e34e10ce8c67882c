using System;
using System.Threading;
using System.Threading.Tasks;

namespace PSRemoteLinks.Emulator;

/// <summary>A fault the test itself lets go of: the request waits at the server until <see cref="Release"/>.</summary>
public sealed partial class Fault
{
    private TaskCompletionSource? _release;

    /// <summary>
    /// Keeps the request waiting until <see cref="Release"/>, then handles it normally. Like <see cref="Hang"/>,
    /// it ends early (dropping the connection) when the client aborts or the emulator stops. A request that
    /// arrives after the release is handled at once.
    /// </summary>
    public static Fault Hold()
    {
        var release = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        return new Fault("hold", async (context, next, stopping) =>
        {
            using var linked = CancellationTokenSource.CreateLinkedTokenSource(context.RequestAborted, stopping);
            try
            {
                await release.Task.WaitAsync(linked.Token).ConfigureAwait(false);
            }
            catch (OperationCanceledException)
            {
                context.Abort();
                return;
            }

            await next(context).ConfigureAwait(false);
        })
        {
            _release = release,
        };
    }

    /// <summary>Lets every request a <see cref="Hold"/> fault is holding (or will hold) go on.</summary>
    public void Release()
    {
        if (_release is null)
        {
            throw new InvalidOperationException("Only a Hold fault can be released; this is " + _description + ".");
        }

        _release.TrySetResult();
    }
}
