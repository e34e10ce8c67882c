using System;
using System.Collections.Generic;
using System.Globalization;
using System.Management.Automation.Host;

namespace PSRemoteLinks.EngineHost;

/// <summary>
/// A PowerShell host whose UI writes into a text buffer, so <c>Out-Default</c> renders format views as text,
/// and which answers confirmation prompts from a queue instead of waiting for a person.
/// </summary>
public sealed class RecordingHost : PSHost
{
    private static readonly CultureInfo StableCulture = CultureInfo.GetCultureInfo("en-US");

    private readonly RecordingHostUserInterface _ui;

    public RecordingHost(int consoleWidth = 120)
    {
        if (consoleWidth < 20)
        {
            throw new ArgumentOutOfRangeException(nameof(consoleWidth), consoleWidth, "The console needs at least 20 columns.");
        }

        _ui = new RecordingHostUserInterface(new RecordingRawUserInterface(consoleWidth));
    }

    /// <summary>
    /// Answers for choice prompts (ShouldProcess/-Confirm), such as "Yes", "No", "Yes to All", "No to All",
    /// matched against the choice labels without their '&amp;'. When empty, the default choice is taken.
    /// </summary>
    public Queue<string> ChoiceAnswers => _ui.ChoiceAnswers;

    /// <summary>Every choice prompt shown, as its caption and message on two lines.</summary>
    public IReadOnlyList<string> Prompts => _ui.Prompts;

    internal TextBuffer Buffer => _ui.Buffer;

    public override CultureInfo CurrentCulture => StableCulture;

    public override CultureInfo CurrentUICulture => StableCulture;

    public override Guid InstanceId { get; } = Guid.NewGuid();

    public override string Name => "PSRemoteLinksTestHost";

    public override Version Version { get; } = new(1, 0);

    public override PSHostUserInterface UI => _ui;

    public override void EnterNestedPrompt() =>
        throw new NotSupportedException("The test host cannot enter a nested prompt (Suspend, debugger or $Host.EnterNestedPrompt()).");

    public override void ExitNestedPrompt() =>
        throw new NotSupportedException("The test host has no nested prompt to exit.");

    public override void NotifyBeginApplication()
    {
    }

    public override void NotifyEndApplication()
    {
    }

    // Called for a script's `exit`; nothing reads the code it asks for, so it is not kept.
    public override void SetShouldExit(int exitCode)
    {
    }
}
