using System;
using System.IO;

namespace PSRemoteLinks.Tests
{
    /// <summary>Third-party response bodies (tests/Fixtures, attributed in SOURCES.md there), copied beside the tests at build.</summary>
    internal static class TestFiles
    {
        public static string Fixture(string relative) => File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Fixtures", relative));
    }
}
