namespace PSRemoteLinks.Tests.Documentation
{
    /// <summary>
    /// Whether what a block rendered (normalized by <see cref="ExampleOutput"/>) is what its page shows: the ```output
    /// block when there is one; nothing, on a help page without one. The hosted engine and real pwsh judge alike.
    /// </summary>
    public static class ExampleVerdict
    {
        /// <summary>Null when the rendering matches; otherwise what is wrong, with the rendering.</summary>
        public static string? Problem(DocumentedExample example, string rendered)
        {
            System.ArgumentNullException.ThrowIfNull(example);
            if (example.Output != null)
            {
                return ExampleOutput.SameText(example.Output.Code, rendered)
                    ? null
                    : $"{example.Where}: the ```output block differs from what the block renders (set {ExampleOutputFile.UpdateVariable}=1 to rewrite it):\n{rendered}";
            }

            return example.IsHelpSource && rendered.Length > 0
                ? $"{example.Where}: the block renders output that the help does not show (set {ExampleOutputFile.UpdateVariable}=1 to add it):\n{rendered}"
                : null;
        }
    }
}
