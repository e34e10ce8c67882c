using System;
using System.Collections.Generic;
using System.Linq;
using System.Management.Automation;

namespace PSRemoteLinks.EngineHost;

/// <summary>Everything one script run produced, stream by stream.</summary>
public sealed class ScriptResult
{
    internal ScriptResult(
        IReadOnlyList<PSObject> output,
        IReadOnlyList<ErrorRecord> errors,
        Exception? terminatingError,
        IReadOnlyList<string> warnings,
        IReadOnlyList<string> verbose,
        IReadOnlyList<string> debug,
        IReadOnlyList<object?> information,
        IReadOnlyList<ProgressRecord> progress,
        string hostText,
        bool stopped)
    {
        Output = output;
        Errors = errors;
        TerminatingError = terminatingError;
        Warnings = warnings;
        Verbose = verbose;
        Debug = debug;
        Information = information;
        Progress = progress;
        HostText = hostText;
        Stopped = stopped;
    }

    /// <summary>The objects written to the output stream (a <c>$null</c> written there is left out).</summary>
    public IReadOnlyList<PSObject> Output { get; }

    /// <summary>Non-terminating errors, in the order they were written.</summary>
    public IReadOnlyList<ErrorRecord> Errors { get; }

    /// <summary>
    /// The error that ended the run, if one did (for example a RuntimeException or an
    /// ActionPreferenceStopException; its ErrorRecord is reachable through <see cref="IContainsErrorRecord"/>).
    /// A stopped run usually has none: see <see cref="Stopped"/>.
    /// </summary>
    public Exception? TerminatingError { get; }

    public IReadOnlyList<string> Warnings { get; }

    public IReadOnlyList<string> Verbose { get; }

    public IReadOnlyList<string> Debug { get; }

    /// <summary>The MessageData of each information record.</summary>
    public IReadOnlyList<object?> Information { get; }

    public IReadOnlyList<ProgressRecord> Progress { get; }

    /// <summary>What the host UI rendered during this run (Out-Default, host writes, warnings, prompts).</summary>
    public string HostText { get; }

    /// <summary>True when the run was ended by a stop request.</summary>
    public bool Stopped { get; }

    /// <summary>The terminating error's ErrorRecord, when it carries one.</summary>
    public ErrorRecord? TerminatingErrorRecord => (TerminatingError as IContainsErrorRecord)?.ErrorRecord;

    /// <summary>True when the run ended normally and wrote no error.</summary>
    public bool Succeeded => TerminatingError is null && Errors.Count == 0 && !Stopped;

    /// <summary>Each output object's base object as <typeparamref name="T"/>; throws if one is not a T.</summary>
    public IReadOnlyList<T> OutputOf<T>()
    {
        return Output.Select((item, index) => item is T wrapper
            ? wrapper
            : item.BaseObject is T value
                ? value
                : throw new InvalidCastException(
                    $"Output object {index} is a {item.BaseObject?.GetType().FullName ?? "null"}, not a {typeof(T).FullName}: {item}"))
            .ToArray();
    }

    /// <summary>
    /// Everything a user could see from this run as one string: output objects and their property values,
    /// every error's text, id, messages and category, all message streams, progress and the host text.
    /// Tests use it to assert that a secret never appears anywhere.
    /// </summary>
    public string EverythingVisible() => VisibleText.Of(this);
}
