namespace PSRemoteLinks.Backends
{
    /// <summary>A remote-link field a user can set; the names are New-/Set-RemoteIssueLink's parameter names.</summary>
    internal enum RemoteLinkField
    {
        Url,
        Title,
        Summary,
        GlobalId,
        Relationship,
        IconUrl,
        IconTitle,
        ApplicationType,
        ApplicationName,
        Resolved,
        StatusIconUrl,
        StatusIconTitle,
        StatusIconLink,
        Key,
        Origin,
        Backlink,
    }
}
