using System;
using System.Collections.Generic;
using System.Linq;
using System.Management.Automation;
using System.Management.Automation.Runspaces;
using System.Text;

namespace PSRemoteLinks.EngineHost;

/// <summary>
/// One PowerShell session hosted in this process: its own runspace and recording host, so state (variables,
/// imported modules, connections) persists between runs, and sessions never share anything.
/// </summary>
public sealed class PowerShellSession : IDisposable
{
    private volatile bool _disposed;

    private PowerShellSession(RecordingHost host, Runspace runspace)
    {
        Host = host;
        Runspace = runspace;
    }

    public RecordingHost Host { get; }

    public Runspace Runspace { get; }

    /// <summary>
    /// Opens a session with the engine's default commands and, when <paramref name="modulePath"/> is given,
    /// imports that module; throws <see cref="InvalidOperationException"/> with the error text if the import fails.
    /// </summary>
    public static PowerShellSession Create(string? modulePath = null, int consoleWidth = 120)
    {
        var host = new RecordingHost(consoleWidth);
        InitialSessionState initialState = InitialSessionState.CreateDefault2();
        if (OperatingSystem.IsWindows())
        {
            // Only Windows enforces execution policies; elsewhere the setting does not apply.
            initialState.ExecutionPolicy = Microsoft.PowerShell.ExecutionPolicy.Bypass;
        }

        Runspace runspace = RunspaceFactory.CreateRunspace(host, initialState);
        // Each run executes on a thread this library starts (see PipelineThread), not on one the engine creates.
        runspace.ThreadOptions = PSThreadOptions.UseCurrentThread;
        var session = new PowerShellSession(host, runspace);
        try
        {
            PipelineThread.Run(host.CurrentCulture, runspace.Open);
            if (modulePath is not null)
            {
                session.ImportModule(modulePath);
            }
        }
        catch
        {
            session.Dispose();
            throw;
        }

        return session;
    }

    /// <summary>
    /// Runs the script and waits for it. Script errors never throw: non-terminating ones are in
    /// <see cref="ScriptResult.Errors"/>, the one that ended the run in <see cref="ScriptResult.TerminatingError"/>.
    /// </summary>
    public ScriptResult Run(string script, IDictionary<string, object?>? variables = null) =>
        ToEnd(Start(script, variables));

    /// <summary>Starts the script without waiting; the handle can stop it and wait for it.</summary>
    public RunningScript Start(string script, IDictionary<string, object?>? variables = null) =>
        Begin(powerShell => powerShell.AddScript(script), variables);

    /// <summary>
    /// Runs <c>&lt;script&gt; | Out-Default</c> and returns the text the host rendered for it, as a console would
    /// show it (non-terminating errors included). Throws <see cref="InvalidOperationException"/> if the script
    /// ends with a terminating error or is stopped; use <see cref="RunRendered"/> to inspect such runs.
    /// </summary>
    public string Render(string script, IDictionary<string, object?>? variables = null)
    {
        ScriptResult result = RunRendered(script, variables);
        if (result.TerminatingError is not null || result.Stopped)
        {
            throw new InvalidOperationException(
                $"The script rendered by Render did not complete: {result.TerminatingError?.Message ?? "it was stopped"}\n" +
                $"Rendered so far:\n{result.HostText}");
        }

        return result.HostText;
    }

    /// <summary>
    /// Runs <c>&lt;script&gt; | Out-Default</c> with the script's errors rendered along with its output, as a
    /// console shows them; <see cref="ScriptResult.HostText"/> holds the rendering. Never throws for script errors.
    /// </summary>
    public ScriptResult RunRendered(string script, IDictionary<string, object?>? variables = null) =>
        ToEnd(Begin(
            powerShell =>
            {
                powerShell.AddScript(script);
                powerShell.Commands.Commands[0].MergeMyResults(PipelineResultTypes.Error, PipelineResultTypes.Output);
                powerShell.AddCommand("Out-Default");
            },
            variables));

    /// <summary>Closes the session; a script still running in it is stopped.</summary>
    public void Dispose()
    {
        _disposed = true;
        Runspace.Dispose();
    }

    private RunningScript Begin(Action<PowerShell> addCommands, IDictionary<string, object?>? variables)
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
        if (variables is not null)
        {
            foreach (KeyValuePair<string, object?> variable in variables)
            {
                Runspace.SessionStateProxy.SetVariable(variable.Key, variable.Value);
            }
        }

        PowerShell powerShell = PowerShell.Create();
        powerShell.Runspace = Runspace;
        addCommands(powerShell);
        return new RunningScript(powerShell, Host.CurrentCulture, Host.Buffer);
    }

    private static ScriptResult ToEnd(RunningScript running)
    {
        running.Wait(System.Threading.Timeout.InfiniteTimeSpan);
        return running.Result;
    }

    private void ImportModule(string modulePath)
    {
        ScriptResult import = ToEnd(Begin(
            powerShell => powerShell.AddCommand("Import-Module")
                .AddParameter("Name", modulePath)
                .AddParameter("ErrorAction", ActionPreference.Stop),
            variables: null));
        if (import.TerminatingError is null && import.Errors.Count == 0)
        {
            return;
        }

        var message = new StringBuilder($"Import-Module '{modulePath}' failed:");
        IEnumerable<ErrorRecord> records = import.Errors
            .Concat(import.TerminatingErrorRecord is { } record ? new[] { record } : Array.Empty<ErrorRecord>());
        foreach (ErrorRecord error in records)
        {
            message.Append('\n').Append(error.FullyQualifiedErrorId).Append(": ").Append(error);
            // A binary module that fails to load usually explains why only in the inner exceptions.
            string shown = error.ToString();
            for (Exception? inner = error.Exception?.InnerException; inner is not null; inner = inner.InnerException)
            {
                if (inner.Message != shown)
                {
                    message.Append(" ---> ").Append(inner.Message);
                    shown = inner.Message;
                }
            }
        }

        if (import.TerminatingError is { } terminating && import.TerminatingErrorRecord is null)
        {
            message.Append('\n').Append(terminating.Message);
        }

        throw new InvalidOperationException(message.ToString(), import.TerminatingError);
    }
}
