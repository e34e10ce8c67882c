namespace PSRemoteLinks.Backends
{
    /// <summary>What Find-Issue asks a backend for: the query text in the service's own language, and PowerShell's paging.</summary>
    internal sealed class IssueQuery
    {
        /// <summary>Issues per request unless -First asks for fewer: Jira Cloud allows 1..5000, Tracker's documented page is up to 100.</summary>
        public const int DefaultPageSize = 100;

        public IssueQuery(string text, ulong skip, ulong? first, bool wantTotal)
        {
            Text = text;
            Skip = skip;
            First = first;
            WantTotal = wantTotal;
        }

        public string Text { get; }

        /// <summary>Matches to leave out before the first one returned (-Skip).</summary>
        public ulong Skip { get; }

        /// <summary>How many the caller will take at most (-First); null for all.</summary>
        public ulong? First { get; }

        /// <summary>-IncludeTotalCount: the search should learn the number of matches, asking for it where pages do not tell.</summary>
        public bool WantTotal { get; }

        /// <summary>Matches the caller may still need counted from the first one, skipped included; null when unbounded.</summary>
        public ulong? Needed => First is ulong first ? Skip + first : (ulong?)null;

        /// <summary>The page size when the whole request fits in one small page, else <see cref="DefaultPageSize"/>.</summary>
        public int PageSizeFor(ulong itemsBeforeFirstWanted)
        {
            if (First is ulong first && itemsBeforeFirstWanted + first < DefaultPageSize)
            {
                return (int)System.Math.Max(1, itemsBeforeFirstWanted + first);
            }

            return DefaultPageSize;
        }
    }
}
