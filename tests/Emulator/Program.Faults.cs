using System;
using System.Collections.Generic;
using System.Globalization;

namespace PSRemoteLinks.Emulator;

internal static partial class Program
{
    // The banner says how this emulator misbehaves, so nobody mistakes a served fault for a bug.
    static partial void PrintMisbehaviour(EmulatorServer server, IReadOnlyList<Fault> faults)
    {
        TimeSpan latency = server.Latency.Fixed;
        if (latency > TimeSpan.Zero)
        {
            Console.WriteLine($"Latency: {latency.TotalMilliseconds.ToString(CultureInfo.InvariantCulture)} ms before every answer");
        }

        foreach (Fault fault in faults)
        {
            Console.WriteLine($"Fault:   {fault}");
        }
    }
}
