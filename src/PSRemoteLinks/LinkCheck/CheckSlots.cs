using System;
using System.Collections.Concurrent;
using System.Threading;
using System.Threading.Tasks;

namespace PSRemoteLinks.LinkCheck
{
    /// <summary>
    /// Who may send a link check now: at most <see cref="PerHost"/> requests in flight to one host (scheme, host and
    /// port), and at most -ThrottleLimit in all. A request waits for its host first and only then for a place in
    /// the total, so links queued behind a busy host never hold places that links to other hosts could use.
    /// </summary>
    internal sealed class CheckSlots
    {
        /// <summary>Two at a time is what a polite crawler allows itself per site (and what HTTP/1.1 once asked of clients).</summary>
        public const int PerHost = 2;

        private readonly SemaphoreSlim _total;
        private readonly ConcurrentDictionary<string, SemaphoreSlim> _hosts = new ConcurrentDictionary<string, SemaphoreSlim>(StringComparer.Ordinal);

        public CheckSlots(int total) => _total = new SemaphoreSlim(total, total);

        /// <summary>Waits for a place for one request to <paramref name="url"/>; dispose the result when its answer is in.</summary>
        public async Task<IDisposable> EnterAsync(Uri url, CancellationToken cancellation)
        {
            var host = _hosts.GetOrAdd(HostKey(url), _ => new SemaphoreSlim(PerHost, PerHost));
            await host.WaitAsync(cancellation).ConfigureAwait(false);
            try
            {
                await _total.WaitAsync(cancellation).ConfigureAwait(false);
            }
            catch
            {
                host.Release();
                throw;
            }

            return new Slot(host, _total);
        }

        /// <summary>Waits for a place in the total only: for a request to the tracker, which the per-host rule does not cover.</summary>
        public async Task<IDisposable> EnterTotalAsync(CancellationToken cancellation)
        {
            await _total.WaitAsync(cancellation).ConfigureAwait(false);
            return new Slot(null, _total);
        }

        /// <summary>"https://wiki.example.com:443": one key per place a browser would open connections to.</summary>
        internal static string HostKey(Uri url) =>
            url.Scheme.ToLowerInvariant() + "://" + url.IdnHost.ToLowerInvariant() + ":" + url.Port.ToString(System.Globalization.CultureInfo.InvariantCulture);

        private sealed class Slot : IDisposable
        {
            private readonly SemaphoreSlim? _host;
            private SemaphoreSlim? _total;

            public Slot(SemaphoreSlim? host, SemaphoreSlim total)
            {
                _host = host;
                _total = total;
            }

            public void Dispose()
            {
                var total = Interlocked.Exchange(ref _total, null);
                if (total != null)
                {
                    total.Release();
                    _host?.Release();
                }
            }
        }
    }
}
