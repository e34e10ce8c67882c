using System;
using System.Linq;
using Microsoft.AspNetCore.Http;
using PSRemoteLinks.Emulator.Http;

namespace PSRemoteLinks.Emulator;

/// <summary>
/// Token check (401) then organization check (403): "OAuth t" works with either org header, "Bearer t" (IAM)
/// only with X-Cloud-Org-ID; exactly one org header must be present.
/// </summary>
internal static class TrackerAuth
{
    private const string OrgHeader = "X-Org-ID";
    private const string CloudOrgHeader = "X-Cloud-Org-ID";

    public static Reply? Check(HttpRequest request, EmulatorOptions options)
    {
        string header = request.Headers.Authorization.ToString().Trim();
        int space = header.IndexOf(' ', StringComparison.Ordinal);
        string scheme = space < 0 ? header : header[..space];
        string token = space < 0 ? string.Empty : header[(space + 1)..].Trim();
        bool oauth = string.Equals(scheme, "OAuth", StringComparison.OrdinalIgnoreCase)
            && string.Equals(token, options.TrackerOAuthToken, StringComparison.Ordinal);
        bool iam = string.Equals(scheme, "Bearer", StringComparison.OrdinalIgnoreCase)
            && string.Equals(token, options.TrackerIamToken, StringComparison.Ordinal);
        if (!oauth && !iam)
        {
            return Unauthorized();
        }

        bool hasOrg = request.Headers.ContainsKey(OrgHeader);
        bool hasCloudOrg = request.Headers.ContainsKey(CloudOrgHeader);
        if (hasOrg == hasCloudOrg)
        {
            return OrganizationUnavailable();
        }

        if (iam && hasOrg)
        {
            return Unauthorized();
        }

        bool orgMatches = hasOrg
            ? request.Headers[OrgHeader].ToString() == options.TrackerOrgId
            : request.Headers[CloudOrgHeader].ToString() == options.TrackerCloudOrgId;
        return orgMatches ? null : OrganizationUnavailable();
    }

    /// <summary>English only when the preferred Accept-Language is en (or en-*); Russian otherwise, as Tracker does.</summary>
    public static bool WantsEnglish(HttpRequest request)
    {
        var languages = request.GetTypedHeaders().AcceptLanguage;
        var preferred = languages.OrderByDescending(l => l.Quality ?? 1.0).FirstOrDefault();
        string? value = preferred?.Value.Value;
        return value is not null
            && (string.Equals(value, "en", StringComparison.OrdinalIgnoreCase) || value.StartsWith("en-", StringComparison.OrdinalIgnoreCase));
    }

    private static Reply Unauthorized() => Reply.Json(401, TrackerJson.Error(401, "Not authorized"));

    private static Reply OrganizationUnavailable() => Reply.Json(403, new System.Text.Json.Nodes.JsonObject
    {
        ["errors"] = new System.Text.Json.Nodes.JsonObject(),
        ["errorMessages"] = new System.Text.Json.Nodes.JsonArray("Organization is not available, not ready or not found"),
        ["errorCode"] = 620345,
    });
}
