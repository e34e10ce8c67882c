namespace PSRemoteLinks
{
    /// <summary>What <c>Export-IssueLinkGraph</c> writes.</summary>
    public enum GraphFormat
    {
        /// <summary>A Mermaid flowchart (GitHub, GitLab, Azure DevOps and many wikis render it).</summary>
        Mermaid,

        /// <summary>Graphviz DOT, for <c>dot -Tpng</c> and the tools that read it.</summary>
        Dot,

        /// <summary>A drawing laid out here, self-contained: opens in any browser with no network.</summary>
        Svg,
    }
}
