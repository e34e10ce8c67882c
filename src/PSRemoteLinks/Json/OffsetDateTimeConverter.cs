using System;
using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace PSRemoteLinks.Json
{
    /// <summary>
    /// Dates as the services write them, including Tracker's and Jira's <c>2017-06-11T05:16:01.421+0000</c>
    /// (no colon in the offset), which System.Text.Json's own converter rejects.
    /// </summary>
    internal sealed class OffsetDateTimeConverter : JsonConverter<DateTimeOffset?>
    {
        private static readonly string[] Formats =
        {
            "yyyy-MM-dd'T'HH:mm:ss.FFFFFFFzzz",
            "yyyy-MM-dd'T'HH:mm:ss.FFFFFFFzz",
            "yyyy-MM-dd'T'HH:mm:ss.FFFFFFF'Z'",
            "yyyy-MM-dd'T'HH:mm:ssK",
        };

        public override bool HandleNull => true;

        // A date that cannot be read is left empty rather than failing the whole link: it is informational.
        public override DateTimeOffset? Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
        {
            if (reader.TokenType == JsonTokenType.String && TryParse(reader.GetString(), out var value))
            {
                return value;
            }

            if (reader.TokenType == JsonTokenType.StartObject || reader.TokenType == JsonTokenType.StartArray)
            {
                reader.Skip();
            }

            return null;
        }

        public override void Write(Utf8JsonWriter writer, DateTimeOffset? value, JsonSerializerOptions options)
        {
            if (value.HasValue)
            {
                writer.WriteStringValue(value.Value.ToString("yyyy-MM-dd'T'HH:mm:ss.fffzzz", CultureInfo.InvariantCulture));
            }
            else
            {
                writer.WriteNullValue();
            }
        }

        public static bool TryParse(string? text, out DateTimeOffset value)
        {
            value = default;
            if (string.IsNullOrWhiteSpace(text))
            {
                return false;
            }

            var normalized = InsertOffsetColon(text!.Trim());
            return DateTimeOffset.TryParseExact(normalized, Formats, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out value)
                || DateTimeOffset.TryParse(normalized, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out value);
        }

        // "+0000" -> "+00:00", so one set of formats serves both spellings.
        private static string InsertOffsetColon(string text)
        {
            var n = text.Length;
            if (n > 5 && (text[n - 5] == '+' || text[n - 5] == '-') && char.IsDigit(text[n - 4]) && char.IsDigit(text[n - 3])
                && char.IsDigit(text[n - 2]) && char.IsDigit(text[n - 1]))
            {
                return text.Substring(0, n - 2) + ":" + text.Substring(n - 2);
            }

            return text;
        }
    }
}
