using System;
using System.Text;
using Microsoft.AspNetCore.Http;
using System.Net.Http.Headers;

namespace PSRemoteLinks.Emulator;

/// <summary>Basic user:API-token (Cloud) or Bearer personal access token (Server/Data Center).</summary>
internal static class JiraAuth
{
    public static bool IsAuthorized(HttpRequest request, EmulatorOptions options, out bool credentialsSent)
    {
        string? header = request.Headers.Authorization;
        credentialsSent = !string.IsNullOrEmpty(header);
        if (!credentialsSent || !AuthenticationHeaderValue.TryParse(header, out AuthenticationHeaderValue? value) || value.Parameter is null)
        {
            return false;
        }

        if (string.Equals(value.Scheme, "Bearer", StringComparison.OrdinalIgnoreCase))
        {
            return string.Equals(value.Parameter, options.JiraPersonalAccessToken, StringComparison.Ordinal);
        }

        if (!string.Equals(value.Scheme, "Basic", StringComparison.OrdinalIgnoreCase))
        {
            return false;
        }

        string decoded;
        try
        {
            decoded = Encoding.UTF8.GetString(Convert.FromBase64String(value.Parameter));
        }
        catch (FormatException)
        {
            return false;
        }

        int colon = decoded.IndexOf(':', StringComparison.Ordinal);
        return colon > 0
            && string.Equals(decoded[..colon], options.JiraUser, StringComparison.OrdinalIgnoreCase)
            && string.Equals(decoded[(colon + 1)..], options.JiraApiToken, StringComparison.Ordinal);
    }
}
