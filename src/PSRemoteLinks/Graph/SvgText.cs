using System.Text;

namespace PSRemoteLinks.Graph
{
    /// <summary>
    /// Text a user wrote, made fit for one line of SVG: characters XML 1.0 cannot hold become U+FFFD, line breaks and
    /// tabs become spaces. Markup characters are left to the XmlWriter, which escapes them.
    /// </summary>
    internal static class SvgText
    {
        public static string OneLine(string text)
        {
            var result = new StringBuilder(text.Length);
            for (var i = 0; i < text.Length; i++)
            {
                var c = text[i];
                if (c == '\r' || c == '\n' || c == '\t')
                {
                    result.Append(' ');
                }
                else if (char.IsHighSurrogate(c) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]))
                {
                    result.Append(c).Append(text[++i]);
                }
                else if (c < ' ' || char.IsSurrogate(c) || c == '\uFFFE' || c == '\uFFFF')
                {
                    result.Append('\uFFFD');
                }
                else
                {
                    result.Append(c);
                }
            }

            return result.ToString();
        }

        /// <summary>At most <paramref name="max"/> characters, ending in an ellipsis when cut; a surrogate pair is never split.</summary>
        public static string Shorten(string text, int max)
        {
            if (text.Length <= max)
            {
                return text;
            }

            var cut = max - 1;
            if (char.IsHighSurrogate(text[cut - 1]))
            {
                cut--;
            }

            return text.Substring(0, cut).TrimEnd() + "\u2026";
        }
    }
}
