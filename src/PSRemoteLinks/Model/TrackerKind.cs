namespace PSRemoteLinks
{
    /// <summary>Which service a connection talks to.</summary>
    public enum TrackerKind
    {
        Jira,
        YandexTracker,
    }
}
