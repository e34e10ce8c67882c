using System;
using System.Collections;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using PSRemoteLinks.Json;

namespace PSRemoteLinks.Http
{
    /// <summary>
    /// Reads a response body as the JSON an endpoint is documented to return. Anything else (empty, HTML, truncated,
    /// another shape, invalid UTF-8, an id beyond int64) becomes one clear InvalidResponse error, never a parser trace.
    /// </summary>
    internal static class JsonBodies
    {
        public static T Read<T>(ApiResponse response, JsonTypeInfo<T> type, string service, SecretRedactor redactor)
        {
            CheckIsJson(response, service, redactor);
            try
            {
                var value = JsonSerializer.Deserialize(response.Span, type);
                if (value == null)
                {
                    throw NotExpected(response, service, "null");
                }

                if (value is IList list && HasNullEntry(list))
                {
                    throw NotExpected(response, service, "a list with a null entry");
                }

                return value;
            }
            catch (Exception ex) when (ex is JsonException || ex is InvalidOperationException || ex is FormatException || ex is OverflowException || ex is ArgumentException)
            {
                throw NotExpected(response, service, ex);
            }
        }

        /// <summary>The first significant byte of the body ('{', '[' ...), or 0 when there is none.</summary>
        public static byte FirstToken(ApiResponse response)
        {
            var span = response.Span;
            for (var i = 0; i < span.Length; i++)
            {
                var b = span[i];
                if (b == ' ' || b == '\t' || b == '\r' || b == '\n')
                {
                    continue;
                }

                // A UTF-8 byte order mark.
                if (b == 0xEF && i + 2 < span.Length && span[i + 1] == 0xBB && span[i + 2] == 0xBF)
                {
                    i += 2;
                    continue;
                }

                return b;
            }

            return 0;
        }

        public static void CheckIsJson(ApiResponse response, string service, SecretRedactor redactor)
        {
            if (FirstToken(response) == 0)
            {
                throw new ApiException(ApiErrorKind.InvalidResponse, "EmptyResponse",
                    service + " answered " + response.Method + " " + response.Path + " with an empty body (HTTP " + response.StatusCode
                    + ") where JSON was expected.", response.StatusCode, method: response.Method, path: response.Path);
            }

            if (ErrorResponses.HtmlTitle(response.Body, response.MediaType) != null)
            {
                throw ErrorResponses.HtmlInsteadOfJson(service, response.Method, response.Path, response.StatusCode, response.Body, response.MediaType, redactor);
            }
        }

        private static bool HasNullEntry(IList list)
        {
            foreach (var entry in list)
            {
                if (entry == null)
                {
                    return true;
                }
            }

            return false;
        }

        public static ApiException NotExpected(ApiResponse response, string service, string? what, Exception? inner = null) =>
            Explained(response, service, what != null ? "it is " + what : inner != null ? JsonProblems.Describe(inner) : "it is of another shape", inner);

        /// <summary>The body did not deserialize: the message names the field and the problem (<see cref="JsonProblems"/>).</summary>
        public static ApiException NotExpected(ApiResponse response, string service, Exception failure) =>
            Explained(response, service, JsonProblems.Describe(failure), failure);

        private static ApiException Explained(ApiResponse response, string service, string problem, Exception? inner) =>
            new ApiException(ApiErrorKind.InvalidResponse, "InvalidResponse",
                service + "'s answer to " + response.Method + " " + response.Path + " is not the JSON this endpoint returns: " + problem
                + ". A proxy or gateway in between may have altered it.",
                response.StatusCode, inner, response.Method, response.Path);
    }
}
