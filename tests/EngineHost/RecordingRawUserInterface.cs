using System;
using System.Management.Automation.Host;

namespace PSRemoteLinks.EngineHost;

/// <summary>
/// A console of fixed width with no screen buffer and no keyboard: the width is what format views wrap and
/// truncate to, everything else only has to be settable and never block.
/// </summary>
internal sealed class RecordingRawUserInterface : PSHostRawUserInterface
{
    private const int ConsoleHeight = 50;

    private readonly Size _size;

    public RecordingRawUserInterface(int consoleWidth)
    {
        _size = new Size(consoleWidth, ConsoleHeight);
    }

    public override ConsoleColor BackgroundColor { get; set; } = ConsoleColor.Black;

    public override ConsoleColor ForegroundColor { get; set; } = ConsoleColor.Gray;

    // Format views ask for the buffer and window widths; setting them is ignored so the layout stays stable.
    public override Size BufferSize
    {
        get => _size;
        set { }
    }

    public override Size WindowSize
    {
        get => _size;
        set { }
    }

    public override Size MaxWindowSize => _size;

    public override Size MaxPhysicalWindowSize => _size;

    public override Coordinates CursorPosition { get; set; }

    public override Coordinates WindowPosition { get; set; }

    public override int CursorSize { get; set; } = 25;

    public override string WindowTitle { get; set; } = string.Empty;

    public override bool KeyAvailable => false;

    public override void FlushInputBuffer()
    {
    }

    public override KeyInfo ReadKey(ReadKeyOptions options) =>
        throw new NotSupportedException("The test host cannot prompt: ReadKey has no keyboard to read from.");

    public override BufferCell[,] GetBufferContents(Rectangle rectangle) =>
        throw new NotSupportedException("The test host has no screen buffer to read.");

    public override void SetBufferContents(Coordinates origin, BufferCell[,] contents)
    {
    }

    public override void SetBufferContents(Rectangle rectangle, BufferCell fill)
    {
    }

    public override void ScrollBufferContents(Rectangle source, Coordinates destination, Rectangle clip, BufferCell fill)
    {
    }
}
