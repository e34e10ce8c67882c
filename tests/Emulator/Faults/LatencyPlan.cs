using System;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.AspNetCore.Http;

namespace PSRemoteLinks.Emulator;

/// <summary>Simulated network latency, applied to every request before faults and handling.</summary>
public sealed class LatencyPlan
{
    private readonly object _gate = new();
    private TimeSpan _fixed;
    private System.Random? _random;
    private TimeSpan _randomMin;
    private TimeSpan _randomMax;

    /// <summary>Added to every request (default zero). Combined with <see cref="Random"/> when both are set.</summary>
    public TimeSpan Fixed
    {
        get
        {
            lock (_gate)
            {
                return _fixed;
            }
        }

        set
        {
            ArgumentOutOfRangeException.ThrowIfLessThan(value, TimeSpan.Zero);
            lock (_gate)
            {
                _fixed = value;
            }
        }
    }

    /// <summary>Adds a uniformly distributed delay in [min, max]; the same seed gives the same sequence.</summary>
    public void Random(TimeSpan min, TimeSpan max, int seed)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(min, TimeSpan.Zero);
        ArgumentOutOfRangeException.ThrowIfLessThan(max, min);
        lock (_gate)
        {
            _random = new System.Random(seed);
            _randomMin = min;
            _randomMax = max;
        }
    }

    public void Clear()
    {
        lock (_gate)
        {
            _fixed = TimeSpan.Zero;
            _random = null;
        }
    }

    internal TimeSpan Next()
    {
        lock (_gate)
        {
            TimeSpan total = _fixed;
            if (_random is not null)
            {
                double span = (_randomMax - _randomMin).TotalMilliseconds;
                total += _randomMin + TimeSpan.FromMilliseconds(span * _random.NextDouble());
            }

            return total;
        }
    }

    /// <summary>
    /// Waits <paramref name="delay"/>, then hands the request to <paramref name="next"/>. When the client goes away or
    /// the emulator stops during the wait, the request is aborted instead. No delay calls <paramref name="next"/> at once.
    /// </summary>
    internal static Task DelayThenNextAsync(HttpContext context, RequestDelegate next, TimeSpan delay, CancellationToken stopping) =>
        delay > TimeSpan.Zero ? DelayCoreAsync(context, next, delay, stopping) : next(context);

    private static async Task DelayCoreAsync(HttpContext context, RequestDelegate next, TimeSpan delay, CancellationToken stopping)
    {
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(context.RequestAborted, stopping);
        try
        {
            await Task.Delay(delay, linked.Token).ConfigureAwait(false);
        }
        catch (OperationCanceledException)
        {
            context.Abort();
            return;
        }

        await next(context).ConfigureAwait(false);
    }
}
