using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Management.Automation;
using System.Threading;

namespace PSRemoteLinks.EngineHost;

/// <summary>A script started in the background: it can be stopped like Ctrl+C and waited for.</summary>
public sealed class RunningScript
{
    private readonly object _gate = new();
    private readonly PowerShell _powerShell;
    private readonly List<PSObject> _output = new();
    private readonly TextBuffer _hostText;
    private readonly long _hostTextStart;
    private readonly Thread _thread;
    private Exception? _terminatingError;
    private ScriptResult? _result;

    internal RunningScript(PowerShell powerShell, CultureInfo culture, TextBuffer hostText)
    {
        _powerShell = powerShell;
        _hostText = hostText;
        _hostTextStart = hostText.Position;
        _thread = PipelineThread.Start(culture, Execute);
    }

    /// <summary>Asks the script to stop, as Ctrl+C does; returns at once. Use <see cref="Wait"/> to see it end.</summary>
    public void Stop()
    {
        lock (_gate)
        {
            if (_result is null && _thread.IsAlive)
            {
                _powerShell.BeginStop(null, null);
            }
        }
    }

    /// <summary>Waits for the script to end; true if it did within <paramref name="timeout"/>.</summary>
    public bool Wait(TimeSpan timeout) => _thread.Join(timeout);

    /// <summary>The run's result; only once it has ended (see <see cref="Wait"/>).</summary>
    public ScriptResult Result
    {
        get
        {
            if (_thread.IsAlive)
            {
                throw new InvalidOperationException("The script is still running: call Wait (or Stop then Wait) before reading its Result.");
            }

            return Complete();
        }
    }

    private void Execute()
    {
        try
        {
            _powerShell.Invoke<PSObject>(input: null, _output);
        }
        catch (Exception ex)
        {
            // Whatever ended the script is its terminating error: a run never throws for what the script did.
            _terminatingError = ex;
        }
    }

    private ScriptResult Complete()
    {
        lock (_gate)
        {
            if (_result is not null)
            {
                return _result;
            }

            bool stopped = _terminatingError is PipelineStoppedException
                || _powerShell.InvocationStateInfo.State == PSInvocationState.Stopped;
            PSDataStreams streams = _powerShell.Streams;
            _result = new ScriptResult(
                output: _output.Where(item => item is not null).ToArray(),
                errors: streams.Error.ToArray(),
                terminatingError: _terminatingError,
                warnings: streams.Warning.Select(record => record.Message).ToArray(),
                verbose: streams.Verbose.Select(record => record.Message).ToArray(),
                debug: streams.Debug.Select(record => record.Message).ToArray(),
                information: streams.Information.Select(record => record.MessageData).ToArray(),
                progress: streams.Progress.ToArray(),
                hostText: _hostText.TextSince(_hostTextStart),
                stopped: stopped);
            _powerShell.Dispose();
            return _result;
        }
    }
}
