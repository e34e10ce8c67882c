using System;
using System.Collections.Generic;
using System.Globalization;
using System.Text;

namespace PSRemoteLinks.Emulator.Search;

/// <summary>A word, a quoted text, or one of the punctuation marks the two query languages use.</summary>
internal readonly record struct QueryToken(string Text, bool Quoted, int Position)
{
    public bool Is(string text) => !Quoted && string.Equals(Text, text, StringComparison.OrdinalIgnoreCase);
}

/// <summary>Splits JQL or Tracker query text into tokens; quotes may be ' or ", with \ escaping.</summary>
internal static class QueryTokens
{
    private const string Operators = "=!<>~";
    private const string Punctuation = "(),:";

    public static List<QueryToken> Split(string text, out string? error)
    {
        var tokens = new List<QueryToken>();
        error = null;
        int i = 0;
        while (i < text.Length)
        {
            char c = text[i];
            if (char.IsWhiteSpace(c))
            {
                i++;
            }
            else if (c is '"' or '\'')
            {
                int start = i++;
                var value = new StringBuilder();
                while (i < text.Length && text[i] != c)
                {
                    if (text[i] == '\\' && i + 1 < text.Length)
                    {
                        i++;
                    }

                    value.Append(text[i++]);
                }

                if (i >= text.Length)
                {
                    error = string.Format(CultureInfo.InvariantCulture, "unterminated quote at position {0}", start);
                    return tokens;
                }

                i++;
                tokens.Add(new QueryToken(value.ToString(), true, start));
            }
            else if (Operators.Contains(c, StringComparison.Ordinal))
            {
                int start = i;
                while (i < text.Length && Operators.Contains(text[i], StringComparison.Ordinal))
                {
                    i++;
                }

                tokens.Add(new QueryToken(text[start..i], false, start));
            }
            else if (Punctuation.Contains(c, StringComparison.Ordinal))
            {
                tokens.Add(new QueryToken(c.ToString(), false, i++));
            }
            else
            {
                int start = i;
                while (i < text.Length && !char.IsWhiteSpace(text[i]) && !Operators.Contains(text[i], StringComparison.Ordinal)
                       && !Punctuation.Contains(text[i], StringComparison.Ordinal) && text[i] is not '"' and not '\'')
                {
                    i++;
                }

                tokens.Add(new QueryToken(text[start..i], false, start));
            }
        }

        return tokens;
    }
}
