using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using PSRemoteLinks.HelpGenerator.Docs;
using PSRemoteLinks.HelpGenerator.Markdown;

namespace PSRemoteLinks.Tests.Documentation
{
    /// <summary>
    /// A ```powershell block of the repository's README.md or of a help source in docs/en-US, with the ```output
    /// block that follows it, if any. Blocks are numbered per file, so a test case survives edits above it.
    /// </summary>
    public sealed class DocumentedExample
    {
        private DocumentedExample(string file, int index, Fence code, Fence? output)
        {
            File = file;
            Index = index;
            Code = code;
            Output = output;
        }

        /// <summary>The file's path relative to the repository root, with forward slashes.</summary>
        public string File { get; }

        public int Index { get; }

        public Fence Code { get; }

        public Fence? Output { get; }

        public bool IsHelpSource => File.StartsWith(HelpFolder + "/", StringComparison.Ordinal);

        public bool NoRun => ExampleFence.Has(Code, ExampleFence.NoRun);

        public string Where => File + ":" + Code.Line;

        public const string HelpFolder = "docs/en-US";

        /// <summary>README.md (when the repository has one) and every help source.</summary>
        public static IReadOnlyList<string> Files()
        {
            var files = new List<string>();
            if (System.IO.File.Exists(Path.Combine(RepositoryRoot, "README.md")))
            {
                files.Add("README.md");
            }

            files.AddRange(Directory.GetFiles(Path.Combine(RepositoryRoot, "docs", "en-US"), "*.md")
                .Select(f => HelpFolder + "/" + Path.GetFileName(f))
                .OrderBy(f => f, StringComparer.Ordinal));
            return files;
        }

        public static IReadOnlyList<DocumentedExample> In(string file)
        {
            // README.md may use markdown the help sources may not (tables...): only its fences matter here.
            var blocks = MarkdownReader.Read(System.IO.File.ReadAllText(FullPath(file)), (line, problem) => { });
            var examples = new List<DocumentedExample>();
            for (int i = 0; i < blocks.Count; i++)
            {
                if (blocks[i] is Fence { Language: "powershell" } code)
                {
                    var output = i + 1 < blocks.Count && blocks[i + 1] is Fence { Language: "output" } rendered ? rendered : null;
                    examples.Add(new DocumentedExample(file, examples.Count, code, output));
                }
            }

            return examples;
        }

        public static string FullPath(string file) => Path.Combine(RepositoryRoot, file.Replace('/', Path.DirectorySeparatorChar));

        public static string RepositoryRoot { get; } = RepositoryFolder.Root();

        public override string ToString() => Where;
    }
}
