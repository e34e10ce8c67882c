using System;
using System.Net.Http.Headers;
using Microsoft.AspNetCore.Http;

namespace PSRemoteLinks.Emulator.Http;

internal static class ContentTypes
{
    /// <summary>True for application/json with any parameters (charset and the like).</summary>
    public static bool IsJson(HttpRequest request)
    {
        return MediaTypeHeaderValue.TryParse(request.ContentType, out MediaTypeHeaderValue? value)
            && string.Equals(value.MediaType, "application/json", StringComparison.OrdinalIgnoreCase);
    }
}
