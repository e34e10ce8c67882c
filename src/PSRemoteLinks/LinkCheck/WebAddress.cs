using System;

namespace PSRemoteLinks.LinkCheck
{
    /// <summary>Whether a link has an address the checker can ask: an absolute http:// or https:// URL.</summary>
    internal static class WebAddress
    {
        /// <summary>Null when <paramref name="link"/> can be checked at <paramref name="url"/>; otherwise why not.</summary>
        public static string? WhyNotCheckable(RemoteIssueLink link, out Uri url)
        {
            url = null!;
            var text = link.Url?.Trim();
            if (string.IsNullOrEmpty(text))
            {
                return string.IsNullOrEmpty(link.Origin)
                    ? "the link has no web address"
                    : link.Key + " in the application '" + link.Origin + "' has no web address";
            }

            if (!Uri.TryCreate(text, UriKind.Absolute, out var parsed) || (parsed.Scheme != Uri.UriSchemeHttp && parsed.Scheme != Uri.UriSchemeHttps))
            {
                return "'" + text + "' is not an http:// or https:// address";
            }

            url = parsed;
            return null;
        }

        public static bool IsWeb(Uri url) => url.Scheme == Uri.UriSchemeHttp || url.Scheme == Uri.UriSchemeHttps;

        /// <summary>A redirect's Location, made absolute; user:password@ in it is neither followed with nor shown.</summary>
        public static Uri Resolve(Uri from, Uri location)
        {
            var target = location.IsAbsoluteUri ? location : new Uri(from, location);
            return string.IsNullOrEmpty(target.UserInfo) ? target : new UriBuilder(target) { UserName = string.Empty, Password = string.Empty }.Uri;
        }
    }
}
