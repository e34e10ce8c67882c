using System;
using System.IO;

namespace PSRemoteLinks.UnitTests
{
    /// <summary>Real response bodies written by other clients (tests/Fixtures, see SOURCES.md there), copied beside the tests at build.</summary>
    internal static class Fixtures
    {
        public static string Path(string relative) => System.IO.Path.Combine(AppContext.BaseDirectory, "Fixtures", relative);

        public static byte[] Bytes(string relative) => File.ReadAllBytes(Path(relative));
    }
}
