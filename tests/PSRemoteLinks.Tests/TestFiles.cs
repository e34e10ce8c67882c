using System;
using System.IO;
using System.Text.RegularExpressions;

namespace PSRemoteLinks.Tests
{
    /// <summary>Files copied beside the tests at build: third-party response bodies (Fixtures/) and the issue seeds (Seeds/).</summary>
    internal static class TestFiles
    {
        public static string Fixture(string relative) => File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Fixtures", relative));

        /// <summary>
        /// The example response body in a seed (a documentation page): the text of the ```json block that follows
        /// <paramref name="heading"/>, unchanged, indentation included.
        /// </summary>
        public static string SeedExample(string seed, string heading)
        {
            var text = File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Seeds", seed));
            var start = text.IndexOf(heading, StringComparison.Ordinal);
            if (start < 0)
            {
                throw new InvalidOperationException("Seed " + seed + " has no '" + heading + "'.");
            }

            var block = new Regex("```json\\r?\\n(?<body>.*?)\\r?\\n[ \\t]*```", RegexOptions.Singleline).Match(text, start);
            if (!block.Success)
            {
                throw new InvalidOperationException("Seed " + seed + " has no JSON example after '" + heading + "'.");
            }

            return block.Groups["body"].Value;
        }
    }
}
