using System.Collections.Generic;
using System.Linq;

namespace PSRemoteLinks.Emulator;

/// <summary>
/// Faults are checked in insertion order; the first one that matches the request and still has uses left
/// applies. When none applies the request is handled normally.
/// </summary>
public sealed class FaultPlan
{
    private readonly object _gate = new();
    private readonly List<Fault> _faults = new();

    /// <summary>Returns <paramref name="fault"/> so it can be configured fluently afterwards.</summary>
    public Fault Add(Fault fault)
    {
        System.ArgumentNullException.ThrowIfNull(fault);
        lock (_gate)
        {
            _faults.Add(fault);
        }

        return fault;
    }

    public void Clear()
    {
        lock (_gate)
        {
            _faults.Clear();
        }
    }

    internal Fault? Claim(string method, string path)
    {
        lock (_gate)
        {
            return _faults.FirstOrDefault(f => f.TryClaim(method, path));
        }
    }
}
