using System;
using System.Collections.Generic;
using System.Collections.ObjectModel;
using System.Globalization;
using System.Linq;
using System.Management.Automation;
using System.Management.Automation.Host;
using System.Security;
using System.Text;

namespace PSRemoteLinks.EngineHost;

/// <summary>
/// Host UI that records what a console would show. Choice prompts are answered from a queue; every other
/// kind of input throws, so a script waiting for a person fails at once instead of hanging the test.
/// </summary>
internal sealed class RecordingHostUserInterface : PSHostUserInterface
{
    private readonly RecordingRawUserInterface _rawUI;
    private readonly object _promptsGate = new();
    private readonly List<string> _prompts = new();

    public RecordingHostUserInterface(RecordingRawUserInterface rawUI)
    {
        _rawUI = rawUI;
    }

    public TextBuffer Buffer { get; } = new();

    public Queue<string> ChoiceAnswers { get; } = new();

    public IReadOnlyList<string> Prompts
    {
        get
        {
            lock (_promptsGate)
            {
                return _prompts.ToArray();
            }
        }
    }

    public override PSHostRawUserInterface RawUI => _rawUI;

    public override void Write(string value) => Buffer.Append(Visible(value));

    public override void Write(ConsoleColor foregroundColor, ConsoleColor backgroundColor, string value) => Buffer.Append(Visible(value));

    public override void WriteLine() => Buffer.AppendLine(string.Empty);

    public override void WriteLine(string value) => Buffer.AppendLine(Visible(value));

    public override void WriteLine(ConsoleColor foregroundColor, ConsoleColor backgroundColor, string value) => Buffer.AppendLine(Visible(value));

    public override void WriteErrorLine(string value) => Buffer.AppendLine(Visible(value));

    // The prefixes are the ones the console host prints.
    public override void WriteVerboseLine(string message) => Buffer.AppendLine("VERBOSE: " + message);

    public override void WriteWarningLine(string message) => Buffer.AppendLine("WARNING: " + message);

    public override void WriteDebugLine(string message) => Buffer.AppendLine("DEBUG: " + message);

    public override void WriteProgress(long sourceId, ProgressRecord record)
    {
        if (record.RecordType == ProgressRecordType.Completed)
        {
            return;
        }

        string operation = string.IsNullOrEmpty(record.CurrentOperation) ? string.Empty : " (" + record.CurrentOperation + ")";
        Buffer.AppendLine($"PROGRESS: {record.Activity}: {record.StatusDescription}{operation}");
    }

    public override int PromptForChoice(string caption, string message, Collection<ChoiceDescription> choices, int defaultChoice)
    {
        lock (_promptsGate)
        {
            _prompts.Add(caption + "\n" + message);
        }

        string? answer;
        lock (ChoiceAnswers)
        {
            ChoiceAnswers.TryDequeue(out answer);
        }

        int chosen = answer is null ? defaultChoice : IndexOfLabel(choices, answer);
        if (chosen < 0 || chosen >= choices.Count)
        {
            string labels = string.Join(", ", choices.Select(choice => "'" + WithoutHotKeyMarker(choice.Label) + "'"));
            string reason = answer is null
                ? "no answer was queued in ChoiceAnswers and the prompt has no default choice"
                : $"the queued answer '{answer}' is none of the choices";
            throw new PSInvalidOperationException($"The test host cannot prompt: {reason} ({labels}). Prompt: {caption} {message}");
        }

        Buffer.AppendLine(caption);
        Buffer.AppendLine(message);
        Buffer.AppendLine(DescribeChoices(choices, defaultChoice) + WithoutHotKeyMarker(choices[chosen].Label));
        return chosen;
    }

    public override Dictionary<string, PSObject> Prompt(string caption, string message, Collection<FieldDescription> descriptions) =>
        throw CannotPrompt($"Prompt for {string.Join(", ", descriptions.Select(field => field.Name))} ({caption} {message})");

    public override PSCredential PromptForCredential(string caption, string message, string userName, string targetName) =>
        throw CannotPrompt($"PromptForCredential ({caption} {message})");

    public override PSCredential PromptForCredential(
        string caption, string message, string userName, string targetName,
        PSCredentialTypes allowedCredentialTypes, PSCredentialUIOptions options) =>
        throw CannotPrompt($"PromptForCredential ({caption} {message})");

    public override string ReadLine() => throw CannotPrompt("ReadLine");

    public override SecureString ReadLineAsSecureString() => throw CannotPrompt("ReadLineAsSecureString");

    // Format views decorate text with ANSI colours whatever the host says; a host without virtual terminal
    // support is expected to drop them, as the console host does when output is redirected.
    private string Visible(string? text) => text is null ? string.Empty : GetOutputString(text, SupportsVirtualTerminal);

    private static PSInvalidOperationException CannotPrompt(string what) =>
        new($"The test host cannot prompt: {what} would wait for input that no one will type. Pass the value as a parameter instead.");

    private static int IndexOfLabel(Collection<ChoiceDescription> choices, string answer)
    {
        for (int i = 0; i < choices.Count; i++)
        {
            if (string.Equals(WithoutHotKeyMarker(choices[i].Label), answer.Replace("&", string.Empty, StringComparison.Ordinal), StringComparison.OrdinalIgnoreCase))
            {
                return i;
            }
        }

        return -1;
    }

    private static string WithoutHotKeyMarker(string label) => label.Replace("&", string.Empty, StringComparison.Ordinal);

    // Mirrors the console's line: [Y] Yes  [N] No  (default is "Y"):
    private static string DescribeChoices(Collection<ChoiceDescription> choices, int defaultChoice)
    {
        var line = new StringBuilder();
        foreach (ChoiceDescription choice in choices)
        {
            line.Append('[').Append(HotKey(choice.Label)).Append("] ").Append(WithoutHotKeyMarker(choice.Label)).Append("  ");
        }

        if (defaultChoice >= 0 && defaultChoice < choices.Count)
        {
            line.Append(CultureInfo.InvariantCulture, $"(default is \"{HotKey(choices[defaultChoice].Label)}\")");
        }

        return line.Append(": ").ToString();
    }

    private static string HotKey(string label)
    {
        int marker = label.IndexOf('&', StringComparison.Ordinal);
        string key = marker >= 0 && marker + 1 < label.Length ? label[marker + 1].ToString() : label.Substring(0, Math.Min(1, label.Length));
        return key.ToUpperInvariant();
    }
}
