using System;
using System.Text;

namespace PSRemoteLinks.EngineHost;

/// <summary>Thread-safe append-only text with positions that stay valid across <see cref="Clear"/>.</summary>
internal sealed class TextBuffer
{
    private readonly object _gate = new();
    private readonly StringBuilder _text = new();
    // Characters discarded by Clear: positions count every character ever written.
    private long _cleared;

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

    public string Text
    {
        get
        {
            lock (_gate)
            {
                return _text.ToString();
            }
        }
    }

    /// <summary>Position after the last character written so far.</summary>
    public long Position
    {
        get
        {
            lock (_gate)
            {
                return _cleared + _text.Length;
            }
        }
    }

    /// <summary>Text written since <paramref name="position"/> (and not cleared since).</summary>
    public string TextSince(long position)
    {
        lock (_gate)
        {
            long start = Math.Max(0, position - _cleared);
            return start >= _text.Length ? string.Empty : _text.ToString((int)start, _text.Length - (int)start);
        }
    }

    public void Clear()
    {
        lock (_gate)
        {
            _cleared += _text.Length;
            _text.Clear();
        }
    }
}
