using System;
using System.Collections.Generic;
using System.Linq;

namespace PSRemoteLinks.Http
{
    /// <summary>
    /// Scrubs a connection's secrets (token, password, the encoded Authorization value) out of any text the module
    /// is about to show: a server or proxy may echo them back in an error body.
    /// </summary>
    internal sealed class SecretRedactor
    {
        private const string Mask = "***";
        private readonly string[] _secrets;

        public SecretRedactor(IEnumerable<string?> secrets)
        {
            // Very short values would mask ordinary words; a real token or password is longer.
            _secrets = secrets.Where(s => !string.IsNullOrEmpty(s) && s!.Length >= 4)
                .Select(s => s!)
                .Distinct(StringComparer.Ordinal)
                .OrderByDescending(s => s.Length)
                .ToArray();
        }

        public static SecretRedactor Empty { get; } = new SecretRedactor(Array.Empty<string>());

        /// <summary>Length of the longest secret, so a caller showing only a prefix of a text can scrub enough of it.</summary>
        public int LongestSecret => _secrets.Length == 0 ? 0 : _secrets[0].Length;

        public string Scrub(string? text)
        {
            if (string.IsNullOrEmpty(text))
            {
                return text ?? string.Empty;
            }

            var result = text!;
            foreach (var secret in _secrets)
            {
                if (result.IndexOf(secret, StringComparison.Ordinal) >= 0)
                {
                    result = result.Replace(secret, Mask);
                }
            }

            return result;
        }
    }
}
