using System.Globalization;
using System.Text;

namespace PSRemoteLinks.Graph
{
    /// <summary>
    /// Text a user wrote, made safe inside a quoted Mermaid label. Mermaid decodes <c>#&lt;number&gt;;</c> entity
    /// codes in labels, so every character that could end the string, open markup, start an entity, a comment or a
    /// directive (<c>%%{init}%%</c>), or break the line is written as one; the rest (any script) stays as it is.
    /// </summary>
    internal static class MermaidText
    {
        public static string Escape(string text)
        {
            var result = new StringBuilder(text.Length + 16);
            foreach (var c in text)
            {
                if (NeedsCode(c))
                {
                    result.Append('#').Append(((int)c).ToString(CultureInfo.InvariantCulture)).Append(';');
                }
                else
                {
                    result.Append(c);
                }
            }

            return result.ToString();
        }

        private static bool NeedsCode(char c)
        {
            switch (c)
            {
                case '"':
                case '#':
                case '&':
                case '<':
                case '>':
                case '%':
                case '[':
                case ']':
                case '{':
                case '}':
                case '|':
                case '`':
                case '\\':
                case '\u2028':
                case '\u2029':
                    return true;
                default:
                    return char.IsControl(c);
            }
        }
    }
}
