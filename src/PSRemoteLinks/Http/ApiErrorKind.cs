namespace PSRemoteLinks.Http
{
    /// <summary>What went wrong, independent of PowerShell; the cmdlet layer maps it to an ErrorCategory.</summary>
    internal enum ApiErrorKind
    {
        InvalidArgument,
        Authentication,
        PermissionDenied,
        NotFound,
        Conflict,
        LimitsExceeded,
        RateLimited,
        ServerUnavailable,
        InvalidResponse,
        Timeout,
        Connection,
        Certificate,

        /// <summary>PSRemoteLinks refused to send the request where it would expose the credentials (a redirect to another host).</summary>
        Security,
        NotSupported,
        Other,

        /// <summary>A defect of the module itself, not a failure of the service or the input.</summary>
        Unexpected,
    }
}
