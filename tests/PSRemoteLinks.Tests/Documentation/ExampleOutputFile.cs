using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;

namespace PSRemoteLinks.Tests.Documentation
{
    /// <summary>
    /// Rewrites the ```output block after a documented block from what it really rendered
    /// (PSRL_UPDATE_EXAMPLE_OUTPUT=1; docs/README.md). Help sources get a block added or removed as needed;
    /// README.md only has its existing blocks updated.
    /// </summary>
    public static class ExampleOutputFile
    {
        public const string UpdateVariable = "PSRL_UPDATE_EXAMPLE_OUTPUT";

        public static bool Updating => Environment.GetEnvironmentVariable(UpdateVariable) == "1";

        public static void Write(DocumentedExample example, string rendered)
        {
            ArgumentNullException.ThrowIfNull(example);
            string path = DocumentedExample.FullPath(example.File);
            var lines = File.ReadAllLines(path).ToList();
            int close = lines.FindIndex(example.Code.Line, l => l.Trim() == "```");
            if (example.Output != null)
            {
                int outputClose = lines.FindIndex(example.Output.Line, l => l.Trim() == "```");
                lines.RemoveRange(close + 1, outputClose - close);
            }

            if (rendered.Length > 0 && (example.Output != null || example.IsHelpSource))
            {
                var block = new List<string> { string.Empty, "```output" };
                block.AddRange(rendered.Split('\n'));
                block.Add("```");
                lines.InsertRange(close + 1, block);
            }

            File.WriteAllText(path, string.Join("\n", lines) + "\n");
        }
    }
}
