using System;
using System.IO;
using System.Management.Automation;
using System.Text;
using PSRemoteLinks.Graph;

namespace PSRemoteLinks.Commands
{
    /// <summary>
    /// Draws the piped IssueLink objects as a graph: Mermaid, Graphviz DOT or SVG, written to -Path (the format
    /// from its extension) or, without -Path, to the pipeline as one string. Nothing is sent to any service.
    /// </summary>
    [Cmdlet(VerbsData.Export, "IssueLinkGraph", DefaultParameterSetName = TextSet, SupportsShouldProcess = true)]
    [OutputType(typeof(string), ParameterSetName = new[] { TextSet })]
    public sealed class ExportIssueLinkGraphCommand : PSCmdlet
    {
        private const string TextSet = "Text";
        private const string PathSet = "Path";

        private readonly LinkGraphBuilder _builder = new LinkGraphBuilder();
        private string? _file;
        private GraphFormat _format;

        [Parameter(Mandatory = true, ValueFromPipeline = true)]
        public IssueLink[] InputObject { get; set; } = Array.Empty<IssueLink>();

        [Parameter(Mandatory = true, Position = 0, ParameterSetName = PathSet)]
        [ValidateNotNullOrEmpty]
        public string Path { get; set; } = string.Empty;

        [Parameter(ParameterSetName = TextSet)]
        [Parameter(ParameterSetName = PathSet)]
        public GraphFormat Format { get; set; } = GraphFormat.Mermaid;

        /// <summary>Checks the file and its format before any link arrives, so a long read upstream is not wasted.</summary>
        protected override void BeginProcessing()
        {
            if (ParameterSetName != PathSet)
            {
                _format = Format;
                return;
            }

            _file = ResolveFile(Path);
            if (MyInvocation.BoundParameters.ContainsKey(nameof(Format)))
            {
                _format = Format;
            }
            else if (GraphFormats.FromExtension(_file) is GraphFormat fromName)
            {
                _format = fromName;
            }
            else
            {
                ThrowTerminatingError(new ErrorRecord(
                    new ArgumentException("Cannot tell the graph format from the name '" + Path + "': use " + GraphFormats.KnownExtensions + ", or give -Format."),
                    "UnknownGraphFormat", ErrorCategory.InvalidArgument, Path));
            }
        }

        protected override void ProcessRecord()
        {
            foreach (var link in InputObject)
            {
                if (link == null)
                {
                    continue;
                }

                var problem = _builder.Add(link);
                if (problem != null)
                {
                    WriteError(new ErrorRecord(new ArgumentException(problem), "InvalidInput", ErrorCategory.InvalidArgument, link));
                }
            }
        }

        protected override void EndProcessing()
        {
            var graph = _builder.Build();
            if (graph.Nodes.Count == 0)
            {
                WriteWarning("No issue links came through the pipeline: the graph is empty.");
            }

            string text;
            try
            {
                text = GraphFormats.Render(graph, _format, GraphFormats.IsMarkdown(_file));
            }
            catch (FileNotFoundException missing)
            {
                ThrowTerminatingError(new ErrorRecord(missing, "GraphLayoutMissing", ErrorCategory.ObjectNotFound, missing.FileName));
                return;
            }

            if (_file == null)
            {
                WriteObject(text);
                return;
            }

            var what = graph.Nodes.Count + " issues and " + graph.Edges.Count + " links as " + _format;
            // The target is the path as the user wrote it, so -WhatIf reads the same on every machine.
            if (ShouldProcess(Path, "Write " + what))
            {
                Save(_file, text);
                WriteVerbose("Wrote " + what + " to " + _file + ".");
            }
        }

        private string ResolveFile(string path)
        {
            var resolved = SessionState.Path.GetUnresolvedProviderPathFromPSPath(path, out var provider, out _);
            if (provider.ImplementingType != typeof(Microsoft.PowerShell.Commands.FileSystemProvider))
            {
                ThrowTerminatingError(new ErrorRecord(
                    new ArgumentException("'" + path + "' is not a file system path: Export-IssueLinkGraph writes files only."),
                    "NotAFileSystemPath", ErrorCategory.InvalidArgument, path));
            }

            return resolved;
        }

        private void Save(string file, string text)
        {
            try
            {
                File.WriteAllText(file, text, new UTF8Encoding(false));
            }
            catch (Exception ex) when (ex is IOException || ex is UnauthorizedAccessException || ex is System.Security.SecurityException)
            {
                ThrowTerminatingError(new ErrorRecord(
                    new IOException("Could not write the graph to '" + file + "': " + ex.Message, ex),
                    "GraphFileNotWritten", ErrorCategory.WriteError, file));
            }
        }
    }
}
