using System;

namespace PSRemoteLinks.Emulator.Http;

internal static class PathSegments
{
    /// <summary>"/a/b/" gives ["a", "b"]: a trailing slash is ignored, as both services do.</summary>
    public static string[] Split(string path)
    {
        string trimmed = path.Trim('/');
        return trimmed.Length == 0 ? Array.Empty<string>() : trimmed.Split('/');
    }
}
