using System;
using System.Collections.Generic;
using System.Linq;

namespace PSRemoteLinks.Quickstart
{
    /// <summary>One step of a tour script: a title (the "# --- " line above it) and the commands under it.</summary>
    public sealed record ScriptStep(string Title, string Code);

    public static class ScriptSteps
    {
        private const string Marker = "# --- ";

        /// <summary>Splits a script at its "# --- Title" lines; text before the first marker is the preamble and is skipped.</summary>
        public static IReadOnlyList<ScriptStep> Parse(string script)
        {
            var steps = new List<ScriptStep>();
            string? title = null;
            var code = new List<string>();
            foreach (var line in script.Replace("\r\n", "\n", StringComparison.Ordinal).Split('\n'))
            {
                if (line.StartsWith(Marker, StringComparison.Ordinal))
                {
                    Flush();
                    title = line.Substring(Marker.Length).Trim();
                    continue;
                }

                if (title != null && line.Trim().Length > 0)
                {
                    code.Add(line);
                }
            }

            Flush();
            return steps;

            void Flush()
            {
                if (title != null && code.Count > 0)
                {
                    steps.Add(new ScriptStep(title, string.Join(Environment.NewLine, code)));
                }

                code.Clear();
            }
        }
    }
}
