namespace PSRemoteLinks
{
    /// <summary>A kind of issue link with its two phrases.</summary>
    public sealed class IssueLinkType
    {
        public string Id { get; set; } = string.Empty;

        public string Name { get; set; } = string.Empty;

        /// <summary>The phrase read from the inward issue's side ("is blocked by").</summary>
        public string? Inward { get; set; }

        /// <summary>The phrase read from the outward issue's side ("blocks").</summary>
        public string? Outward { get; set; }

        public string? Self { get; set; }

        public IssueTrackerConnection? Connection { get; set; }

        public override string ToString() => Name;
    }
}
