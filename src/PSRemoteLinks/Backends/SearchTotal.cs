namespace PSRemoteLinks.Backends
{
    /// <summary>The number of matches of a search, with how sure the service is (1.0 exact, below 1.0 an estimate), as PowerShell's -IncludeTotalCount reports it.</summary>
    internal readonly struct SearchTotal
    {
        public SearchTotal(ulong count, double accuracy)
        {
            Count = count;
            Accuracy = accuracy;
        }

        public ulong Count { get; }

        public double Accuracy { get; }

        public static SearchTotal Exact(long count) => new SearchTotal(count < 0 ? 0UL : (ulong)count, 1.0);
    }
}
