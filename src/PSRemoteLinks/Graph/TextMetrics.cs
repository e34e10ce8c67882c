namespace PSRemoteLinks.Graph
{
    /// <summary>
    /// How wide a line of text will be in a browser's sans-serif font, estimated without any font at hand (the SVG
    /// must not depend on one): per character class, on the generous side, so text stays inside its box.
    /// </summary>
    internal static class TextMetrics
    {
        public static double Width(string text, double fontSize, bool bold = false)
        {
            double ems = 0;
            foreach (var c in text)
            {
                ems += Ems(c);
            }

            return ems * fontSize * (bold ? 1.1 : 1.0);
        }

        private static double Ems(char c)
        {
            if (char.IsLowSurrogate(c))
            {
                return 0; // counted with its high surrogate
            }

            if (char.IsHighSurrogate(c) || c >= '\u1100')
            {
                return 1.0; // CJK, emoji and other wide scripts
            }

            if ("iljtfr.,:;'|!() ".IndexOf(c) >= 0)
            {
                return 0.36;
            }

            if ("MWmw@%".IndexOf(c) >= 0)
            {
                return 0.92;
            }

            return char.IsUpper(c) || char.IsDigit(c) ? 0.7 : 0.62;
        }
    }
}
