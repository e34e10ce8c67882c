using System;
using System.Collections.Generic;
using System.Linq;
using System.Net;
using System.Text;
using System.Text.RegularExpressions;

namespace PSRemoteLinks.Tests.Graph
{
    /// <summary>
    /// Reads back the DOT Export-IssueLinkGraph writes with a small tokenizer for the DOT language (quoted strings
    /// with their escapes, nested HTML strings, ids, punctuation) and a parser of the statements it writes.
    /// </summary>
    public static class DotReader
    {
        private static readonly Regex HtmlLabel = new(@"^<B>(?<key>[^<>]*)</B>(?:<BR/>(?<summary>[^<>]*))?(?:<BR/><I>(?<status>[^<>]*)</I>)?$");

        public static DrawnGraph Read(string text)
        {
            var tokens = Tokenize(text);
            var at = 0;
            Expect(tokens, ref at, "digraph");
            at++; // the graph's name
            Expect(tokens, ref at, "{");
            var nodes = new List<DrawnNode>();
            var edges = new List<DrawnEdge>();
            while (tokens[at].Text != "}")
            {
                var first = tokens[at++];
                if (first.Kind == TokenKind.Id && first.Text is "graph" or "node" or "edge")
                {
                    Attributes(tokens, ref at);
                }
                else if (tokens[at].Text == "->")
                {
                    at++;
                    var to = tokens[at++];
                    var attributes = Attributes(tokens, ref at);
                    edges.Add(new DrawnEdge(first.Text, attributes["label"].Text, to.Text));
                }
                else
                {
                    var attributes = Attributes(tokens, ref at);
                    nodes.Add(Node(first.Text, attributes));
                }

                Expect(tokens, ref at, ";");
            }

            if (at != tokens.Count - 1)
            {
                throw new FormatException("Text after the closing brace.");
            }

            return new DrawnGraph(nodes, edges);
        }

        private static DrawnNode Node(string id, Dictionary<string, Token> attributes)
        {
            var label = attributes["label"];
            if (label.Kind != TokenKind.Html)
            {
                throw new FormatException("Node labels are HTML-like: " + label.Text);
            }

            var match = HtmlLabel.Match(label.Text);
            if (!match.Success)
            {
                throw new FormatException("Unexpected label structure (unescaped markup?): " + label.Text);
            }

            var key = WebUtility.HtmlDecode(match.Groups["key"].Value);
            if (key != id)
            {
                throw new FormatException("The node id '" + id + "' and its label's key '" + key + "' differ.");
            }

            string? Part(string name) => match.Groups[name].Success ? WebUtility.HtmlDecode(match.Groups[name].Value) : null;
            var fill = attributes["fillcolor"].Text;
            var category = fill switch
            {
                "#DFE1E6" => "todo",
                "#DEEBFF" => "inprogress",
                "#E3FCEF" => "done",
                "#FFFFFF" => "nocategory",
                _ => throw new FormatException("Unknown fill " + fill),
            };
            return new DrawnNode(key, Part("summary"), Part("status"), category, attributes.ContainsKey("penwidth"));
        }

        private static Dictionary<string, Token> Attributes(List<Token> tokens, ref int at)
        {
            var result = new Dictionary<string, Token>();
            Expect(tokens, ref at, "[");
            while (tokens[at].Text != "]" || tokens[at].Kind != TokenKind.Punctuation)
            {
                var name = tokens[at++];
                Expect(tokens, ref at, "=");
                result.Add(name.Text, tokens[at++]);
                if (tokens[at].Text == "," && tokens[at].Kind == TokenKind.Punctuation)
                {
                    at++;
                }
            }

            at++;
            return result;
        }

        private static void Expect(List<Token> tokens, ref int at, string text)
        {
            if (tokens[at].Text != text || tokens[at].Kind == TokenKind.Quoted || tokens[at].Kind == TokenKind.Html)
            {
                throw new FormatException("Expected '" + text + "' but found '" + tokens[at].Text + "' (token " + at + ").");
            }

            at++;
        }

        private enum TokenKind { Id, Quoted, Html, Punctuation }

        private sealed record Token(TokenKind Kind, string Text);

        private static List<Token> Tokenize(string text)
        {
            var tokens = new List<Token>();
            var i = 0;
            while (i < text.Length)
            {
                var c = text[i];
                if (char.IsWhiteSpace(c))
                {
                    i++;
                }
                else if (c == '"')
                {
                    var value = new StringBuilder();
                    i++;
                    while (text[i] != '"')
                    {
                        if (text[i] == '\n' || text[i] == '\r')
                        {
                            throw new FormatException("A raw line break inside a quoted string.");
                        }

                        if (text[i] == '\\')
                        {
                            var next = text[i + 1];
                            value.Append(next switch { 'n' => '\n', '\\' => '\\', '"' => '"', _ => throw new FormatException("Unexpected escape \\" + next) });
                            i += 2;
                        }
                        else
                        {
                            value.Append(text[i++]);
                        }
                    }

                    i++;
                    tokens.Add(new Token(TokenKind.Quoted, WebUtility.HtmlDecode(value.ToString())));
                }
                else if (c == '<')
                {
                    var depth = 0;
                    var start = i;
                    do
                    {
                        depth += text[i] == '<' ? 1 : text[i] == '>' ? -1 : 0;
                        i++;
                    }
                    while (depth > 0);
                    tokens.Add(new Token(TokenKind.Html, text[(start + 1)..(i - 1)]));
                }
                else if (c == '-' && text[i + 1] == '>')
                {
                    tokens.Add(new Token(TokenKind.Punctuation, "->"));
                    i += 2;
                }
                else if ("{}[];,=".Contains(c, StringComparison.Ordinal))
                {
                    tokens.Add(new Token(TokenKind.Punctuation, c.ToString()));
                    i++;
                }
                else if (char.IsLetterOrDigit(c) || c == '_' || c == '.')
                {
                    var start = i;
                    while (i < text.Length && (char.IsLetterOrDigit(text[i]) || text[i] == '_' || text[i] == '.'))
                    {
                        i++;
                    }

                    tokens.Add(new Token(TokenKind.Id, text[start..i]));
                }
                else
                {
                    throw new FormatException("Unexpected character '" + c + "' at " + i + ".");
                }
            }

            return tokens;
        }
    }
}
