using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading;

namespace PSRemoteLinks.Emulator;

/// <summary>
/// Open scrolls of Tracker's issues/_search: a snapshot of the matching keys, a read position, and the token the
/// next request must present (a new one after every part). Thread-safe.
/// </summary>
public sealed class TrackerScrolls
{
    private readonly Dictionary<string, Scroll> _open = new(StringComparer.Ordinal);
    private int _created;
    private int _cleared;

    /// <summary>Scrolls started so far.</summary>
    public int Created => Volatile.Read(ref _created);

    /// <summary>Scrolls released by system/search/scroll/_clear.</summary>
    public int Cleared => Volatile.Read(ref _cleared);

    /// <summary>Scrolls neither finished nor released.</summary>
    public int Open
    {
        get
        {
            lock (_open)
            {
                return _open.Count;
            }
        }
    }

    /// <summary>Every open scroll's time to live runs out now: the next part answers 403 Expired signature.</summary>
    public void ExpireAll()
    {
        lock (_open)
        {
            _open.Clear();
        }
    }

    internal (string Id, Scroll Scroll) Start(IReadOnlyList<string> keys, int perScroll)
    {
        var scroll = new Scroll(keys, perScroll);
        string id = Guid.NewGuid().ToString("N");
        lock (_open)
        {
            _open[id] = scroll;
        }

        Interlocked.Increment(ref _created);
        return (id, scroll);
    }

    /// <summary>The scroll the id and token name, or null when it is unknown, finished, expired or the token is stale.</summary>
    internal Scroll? Find(string id, string token)
    {
        lock (_open)
        {
            return _open.TryGetValue(id, out Scroll? scroll) && scroll.Token == token ? scroll : null;
        }
    }

    internal void End(string id)
    {
        lock (_open)
        {
            _open.Remove(id);
        }
    }

    internal bool Clear(string id, string token)
    {
        lock (_open)
        {
            if (_open.TryGetValue(id, out Scroll? scroll) && scroll.Token == token)
            {
                _open.Remove(id);
                Interlocked.Increment(ref _cleared);
                return true;
            }

            return false;
        }
    }

    internal sealed class Scroll
    {
        public Scroll(IReadOnlyList<string> keys, int perScroll)
        {
            Keys = keys;
            PerScroll = perScroll;
        }

        public IReadOnlyList<string> Keys { get; }

        public int PerScroll { get; }

        public int Position { get; set; }

        public string Token { get; set; } = NewToken();

        public static string NewToken() => Convert.ToHexString(Guid.NewGuid().ToByteArray()).ToLowerInvariant();
    }
}
