namespace PSRemoteLinks.Backends
{
    internal static class RemoteLinkLimits
    {
        /// <summary>Jira's documented maximum length of a remote link's globalId.</summary>
        public const int MaxGlobalIdLength = 255;
    }
}
