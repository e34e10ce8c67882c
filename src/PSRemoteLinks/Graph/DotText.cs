using System.Globalization;
using System.Text;

namespace PSRemoteLinks.Graph
{
    /// <summary>Text a user wrote, made safe for Graphviz DOT: in a quoted string, or in an HTML-like label.</summary>
    internal static class DotText
    {
        /// <summary>
        /// A quoted string, quotes included. Backslashes are doubled (so no <c>\N</c>, <c>\G</c> or line-end escapes
        /// can be formed), a quote is <c>\"</c>, a line break <c>\n</c>; <c>&amp;</c> and other control characters
        /// become HTML entities, which Graphviz decodes in every string.
        /// </summary>
        public static string Quoted(string text)
        {
            var result = new StringBuilder(text.Length + 8).Append('"');
            for (var i = 0; i < text.Length; i++)
            {
                var c = text[i];
                switch (c)
                {
                    case '\\':
                        result.Append("\\\\");
                        break;
                    case '"':
                        result.Append("\\\"");
                        break;
                    case '&':
                        result.Append("&amp;");
                        break;
                    case '\r':
                        result.Append("\\n");
                        if (i + 1 < text.Length && text[i + 1] == '\n')
                        {
                            i++;
                        }

                        break;
                    case '\n':
                        result.Append("\\n");
                        break;
                    default:
                        AppendOrEntity(result, c);
                        break;
                }
            }

            return result.Append('"').ToString();
        }

        /// <summary>Text inside an HTML-like label (<c>&lt;...&gt;</c>): XML escaping, control characters as entities.</summary>
        public static string Html(string text)
        {
            var result = new StringBuilder(text.Length + 8);
            foreach (var c in text)
            {
                switch (c)
                {
                    case '&': result.Append("&amp;"); break;
                    case '<': result.Append("&lt;"); break;
                    case '>': result.Append("&gt;"); break;
                    case '"': result.Append("&quot;"); break;
                    case '\'': result.Append("&#39;"); break;
                    default: AppendOrEntity(result, c); break;
                }
            }

            return result.ToString();
        }

        private static void AppendOrEntity(StringBuilder result, char c)
        {
            if (char.IsControl(c) || c == '\u2028' || c == '\u2029')
            {
                result.Append("&#").Append(((int)c).ToString(CultureInfo.InvariantCulture)).Append(';');
            }
            else
            {
                result.Append(c);
            }
        }
    }
}
