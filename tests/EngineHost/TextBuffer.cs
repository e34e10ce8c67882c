using System;
using System.Text;

namespace PSRemoteLinks.EngineHost;

/// <summary>Thread-safe append-only text, read back from a position onwards.</summary>
internal sealed class TextBuffer
{
    private readonly object _gate = new();
    private readonly StringBuilder _text = new();

    public void Append(string? value)
    {
        lock (_gate)
        {
            _text.Append(value);
        }
    }

    public void AppendLine(string? value)
    {
        lock (_gate)
        {
            _text.Append(value).Append('\n');
        }
    }

    /// <summary>Position after the last character written so far.</summary>
    public long Position
    {
        get
        {
            lock (_gate)
            {
                return _text.Length;
            }
        }
    }

    /// <summary>Text written since <paramref name="position"/>.</summary>
    public string TextSince(long position)
    {
        lock (_gate)
        {
            long start = Math.Max(0, position);
            return start >= _text.Length ? string.Empty : _text.ToString((int)start, _text.Length - (int)start);
        }
    }
}
