using System;

namespace PSRemoteLinks.Http
{
    /// <summary>Escapes user input that becomes one path segment, so it can never leave the path it is put in.</summary>
    internal static class PathSegment
    {
        public static string IssueKey(string? issue)
        {
            var trimmed = issue?.Trim();
            if (string.IsNullOrEmpty(trimmed))
            {
                throw ApiException.InvalidInput("The issue key is empty.");
            }

            // "." and ".." would be collapsed by URI normalisation and address another resource.
            if (trimmed == "." || trimmed == "..")
            {
                throw ApiException.InvalidInput("'" + trimmed + "' is not an issue key.");
            }

            return Uri.EscapeDataString(trimmed);
        }

        public static string Escape(string value) => Uri.EscapeDataString(value);
    }
}
