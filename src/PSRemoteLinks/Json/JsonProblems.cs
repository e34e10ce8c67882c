using System;
using System.Text;
using System.Text.Json;

namespace PSRemoteLinks.Json
{
    /// <summary>
    /// Says what is wrong with a body that did not deserialize: which field and what about it, or that the text is
    /// not JSON at all. Never the parser's own wording (type names, "LineNumber", "BytePositionInLine").
    /// </summary>
    internal static class JsonProblems
    {
        /// <summary>"the field 'id' (at $[0].id) is out of range for a 64-bit id", "it is truncated or malformed JSON (near byte 12)"...</summary>
        public static string Describe(Exception failure)
        {
            if (Find<JsonFieldProblem>(failure) is JsonFieldProblem known)
            {
                return Field(known.Path) + " " + known.Problem;
            }

            if (Find<DecoderFallbackException>(failure) != null || Mentions(failure, "UTF-8") || Mentions(failure, "UTF-16"))
            {
                return "it is not valid UTF-8 text";
            }

            if (failure is JsonException json)
            {
                if (json.InnerException != null && json.InnerException.GetType().Name == "JsonReaderException")
                {
                    return "it is truncated or malformed JSON" + Where(json);
                }

                if (!string.IsNullOrEmpty(json.Path) && json.Path != "$")
                {
                    return Field(json.Path) + " has a value of another type than this endpoint returns";
                }

                return json.Path == "$" ? "it is of another shape than this endpoint returns (a list where an object is due, or the reverse)" : "it is truncated or malformed JSON" + Where(json);
            }

            return "it is truncated, malformed or of another shape";
        }

        private static string Field(string? path)
        {
            if (string.IsNullOrEmpty(path))
            {
                return "a field";
            }

            var name = path!;
            var dot = name.LastIndexOf('.');
            if (dot >= 0)
            {
                name = name.Substring(dot + 1);
            }

            var bracket = name.IndexOf('[');
            if (bracket > 0)
            {
                name = name.Substring(0, bracket);
            }

            name = name.Trim('[', ']', '\'');
            return name.Length == 0 || name == "$" ? "the value at " + path : "the field '" + name + "' (at " + path + ")";
        }

        private static string Where(JsonException json) =>
            json.BytePositionInLine is long position ? " (near byte " + (position + 1) + (json.LineNumber > 0 ? " of line " + (json.LineNumber + 1) : string.Empty) + ")" : string.Empty;

        private static T? Find<T>(Exception failure)
            where T : Exception
        {
            for (Exception? e = failure; e != null; e = e.InnerException)
            {
                if (e is T match)
                {
                    return match;
                }
            }

            return null;
        }

        private static bool Mentions(Exception failure, string word)
        {
            for (Exception? e = failure; e != null; e = e.InnerException)
            {
                if (e.Message.IndexOf(word, StringComparison.OrdinalIgnoreCase) >= 0)
                {
                    return true;
                }
            }

            return false;
        }
    }
}
