using System;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace PSRemoteLinks.Tracker
{
    /// <summary>
    /// Tracker's <c>display</c>: a string, or an object keyed by language (<c>{"ru": "...", "en": "..."}</c>; reference:
    /// search-api.md §5). English is taken when present (the connection asks for it), else the first value.
    /// </summary>
    internal sealed class LocalizedTextConverter : JsonConverter<string>
    {
        public override bool HandleNull => false;

        public override string? Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
        {
            switch (reader.TokenType)
            {
                case JsonTokenType.String:
                    return reader.GetString();
                case JsonTokenType.StartObject:
                    return ReadLanguages(ref reader);
                default:
                    reader.Skip();
                    return null;
            }
        }

        public override void Write(Utf8JsonWriter writer, string value, JsonSerializerOptions options) => writer.WriteStringValue(value);

        private static string? ReadLanguages(ref Utf8JsonReader reader)
        {
            string? english = null;
            string? first = null;
            while (reader.Read() && reader.TokenType != JsonTokenType.EndObject)
            {
                var language = reader.GetString();
                reader.Read();
                if (reader.TokenType != JsonTokenType.String)
                {
                    reader.Skip();
                    continue;
                }

                var text = reader.GetString();
                first ??= text;
                if (string.Equals(language, "en", StringComparison.OrdinalIgnoreCase))
                {
                    english = text;
                }
            }

            return english ?? first;
        }
    }
}
