using System;
using System.Threading;
using System.Threading.Tasks;

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

    internal static async Task WaitAsync(TimeSpan delay, CancellationToken cancellationToken)
    {
        if (delay > TimeSpan.Zero)
        {
            await Task.Delay(delay, cancellationToken).ConfigureAwait(false);
        }
    }
}
