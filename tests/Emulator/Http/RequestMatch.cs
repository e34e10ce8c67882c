using System;

namespace PSRemoteLinks.Emulator.Http;

/// <summary>The one matching rule shared by faults and journal queries.</summary>
internal static class RequestMatch
{
    public static bool Matches(string? method, string? pathContains, string requestMethod, string requestPath)
    {
        if (method is not null && !string.Equals(method, requestMethod, StringComparison.OrdinalIgnoreCase))
        {
            return false;
        }

        return string.IsNullOrEmpty(pathContains)
            || requestPath.Contains(pathContains, StringComparison.OrdinalIgnoreCase);
    }
}
