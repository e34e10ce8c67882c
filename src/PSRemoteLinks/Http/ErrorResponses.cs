using System;
using System.Collections.Generic;
using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;

namespace PSRemoteLinks.Http
{
    /// <summary>Turns a non-success answer into one clear <see cref="ApiException"/>, whatever its body holds.</summary>
    internal static class ErrorResponses
    {
        private const int MaxServerTextLength = 1000;

        public static ApiErrorKind KindFor(int status)
        {
            switch (status)
            {
                case 400:
                case 422:
                    return ApiErrorKind.InvalidArgument;
                case 401:
                case 407:
                    return ApiErrorKind.Authentication;
                case 403:
                    return ApiErrorKind.PermissionDenied;
                case 404:
                    return ApiErrorKind.NotFound;
                case 409:
                    return ApiErrorKind.Conflict;
                case 413:
                    return ApiErrorKind.LimitsExceeded;
                case 429:
                    return ApiErrorKind.RateLimited;
                default:
                    return status >= 500 ? ApiErrorKind.ServerUnavailable : ApiErrorKind.Other;
            }
        }

        public static string ErrorIdFor(int status)
        {
            switch (status)
            {
                case 400: return "BadRequest";
                case 401: return "AuthenticationFailed";
                case 403: return "PermissionDenied";
                case 404: return "NotFound";
                case 407: return "ProxyAuthenticationRequired";
                case 409: return "Conflict";
                case 413: return "LimitExceeded";
                case 415: return "UnsupportedMediaType";
                case 422: return "ValidationFailed";
                case 429: return "RateLimited";
                default: return status >= 500 ? "ServerError" : "HttpError";
            }
        }

        public static ApiException FromStatus(
            string service, string method, string path, int status, string? reason, byte[] body, string? mediaType,
            SecretRedactor redactor, string? extra = null)
        {
            var text = new StringBuilder();
            // A 407 comes from a proxy in between, never from the service itself.
            text.Append(status == 407 ? "The proxy" : service).Append(" answered ").Append(status);
            if (!string.IsNullOrEmpty(reason))
            {
                text.Append(' ').Append(reason);
            }

            text.Append(" to ").Append(method).Append(' ').Append(path);

            var serverText = ServerText(body);
            var htmlTitle = serverText == null ? HtmlTitle(body, mediaType) : null;
            if (serverText != null)
            {
                text.Append(": ").Append(Sentences.End(serverText));
            }
            else if (htmlTitle != null)
            {
                text.Append(" with an HTML page");
                if (htmlTitle.Length > 0)
                {
                    text.Append(" titled '").Append(htmlTitle).Append('\'');
                }

                text.Append(" instead of JSON (a login page, an SSO portal or a proxy answered).");
            }
            else
            {
                text.Append('.');
            }

            var hint = StatusHint(status);
            if (hint != null)
            {
                text.Append(' ').Append(hint);
            }

            if (extra != null)
            {
                text.Append(' ').Append(extra);
            }

            return new ApiException(KindFor(status), ErrorIdFor(status), redactor.Scrub(text.ToString()), status, method: method, path: path);
        }

        /// <summary>The explanation for a 2xx answer whose body is HTML, where JSON was due.</summary>
        public static ApiException HtmlInsteadOfJson(string service, string method, string path, int status, byte[] body, string? mediaType, SecretRedactor redactor)
        {
            var title = HtmlTitle(body, mediaType);
            var message = service + " answered " + method + " " + path + " with an HTML page"
                + (string.IsNullOrEmpty(title) ? string.Empty : " titled '" + title + "'")
                + " (HTTP " + status + ") instead of JSON. This is usually a login page, a single sign-on portal or a proxy "
                + "that intercepted the request: check -Uri (including a context path such as /jira) and the credentials.";
            return new ApiException(ApiErrorKind.InvalidResponse, "HtmlResponse", redactor.Scrub(message), status, method: method, path: path);
        }

        /// <summary>
        /// The human text of a Jira/Tracker error body: <c>errorMessages</c> and <c>errors</c> (field: message).
        /// Null when the body is not such JSON.
        /// </summary>
        public static string? ServerText(byte[] body)
        {
            if (body.Length == 0 || !LooksLikeJson(body))
            {
                return null;
            }

            try
            {
                using var document = JsonDocument.Parse(body);
                if (document.RootElement.ValueKind != JsonValueKind.Object)
                {
                    return null;
                }

                var parts = new List<string>();
                var root = document.RootElement;
                if (root.TryGetProperty("errorMessages", out var messages) && messages.ValueKind == JsonValueKind.Array)
                {
                    foreach (var message in messages.EnumerateArray())
                    {
                        if (message.ValueKind == JsonValueKind.String && !string.IsNullOrWhiteSpace(message.GetString()))
                        {
                            parts.Add(message.GetString()!);
                        }
                    }
                }

                if (root.TryGetProperty("errors", out var errors) && errors.ValueKind == JsonValueKind.Object)
                {
                    foreach (var field in errors.EnumerateObject())
                    {
                        var value = field.Value.ValueKind == JsonValueKind.String ? field.Value.GetString() : field.Value.GetRawText();
                        parts.Add(field.Name + ": " + value);
                    }
                }

                if (parts.Count == 0 && root.TryGetProperty("message", out var single) && single.ValueKind == JsonValueKind.String)
                {
                    parts.Add(single.GetString()!);
                }

                if (parts.Count == 0)
                {
                    return null;
                }

                var joined = string.Join("; ", parts);
                return joined.Length > MaxServerTextLength ? joined.Substring(0, MaxServerTextLength) + "…" : joined;
            }
            catch (JsonException)
            {
                return null;
            }
        }

        /// <summary>Empty string for an HTML page without a title, null when the body is not HTML.</summary>
        public static string? HtmlTitle(byte[] body, string? mediaType)
        {
            var isHtmlType = mediaType != null && mediaType.IndexOf("html", StringComparison.OrdinalIgnoreCase) >= 0;
            var head = Encoding.UTF8.GetString(body, 0, Math.Min(body.Length, 4096));
            var looksHtml = head.TrimStart().StartsWith("<", StringComparison.Ordinal)
                && (head.IndexOf("<html", StringComparison.OrdinalIgnoreCase) >= 0
                    || head.IndexOf("<!doctype", StringComparison.OrdinalIgnoreCase) >= 0);
            if (!isHtmlType && !looksHtml)
            {
                return null;
            }

            var match = Regex.Match(head, "<title[^>]*>(.*?)</title>", RegexOptions.IgnoreCase | RegexOptions.Singleline);
            return match.Success ? Regex.Replace(match.Groups[1].Value, "\\s+", " ").Trim() : string.Empty;
        }

        /// <summary>
        /// The same failure with a hint that knows more than the status alone (a wrong organisation, a missing context
        /// path): it takes the place of the status's general hint.
        /// </summary>
        public static ApiException Explained(ApiException error, string errorId, string hint)
        {
            var general = error.StatusCode is int status ? StatusHint(status) : null;
            var message = general != null && error.Message.EndsWith(general, StringComparison.Ordinal)
                ? error.Message.Substring(0, error.Message.Length - general.Length) + hint
                : error.Message + " " + hint;
            return new ApiException(error.Kind, errorId, message, error.StatusCode, error.InnerException, error.Method, error.Path);
        }

        private static string? StatusHint(int status)
        {
            switch (status)
            {
                case 401:
                    return "Check the credentials given to the Connect cmdlet: the token or password may be wrong or expired.";
                case 403:
                    return "The account lacks the permission for this operation, or the feature is disabled on the site.";
                case 407:
                    return "The proxy wants credentials: give -ProxyCredential (or -ProxyUseDefaultCredentials) to the Connect cmdlet, or check the ones given.";
                case 415:
                    return "The server refused the request's content type.";
                default:
                    return null;
            }
        }

        private static bool LooksLikeJson(byte[] body)
        {
            foreach (var b in body)
            {
                if (b == ' ' || b == '\r' || b == '\n' || b == '\t' || b == 0xEF || b == 0xBB || b == 0xBF)
                {
                    continue;
                }

                return b == '{' || b == '[';
            }

            return false;
        }
    }
}
