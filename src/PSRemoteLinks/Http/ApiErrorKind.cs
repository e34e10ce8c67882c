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
        NotSupported,
        Other,
    }
}
