using System;
using System.Buffers;
using System.Buffers.Text;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace PSRemoteLinks.Json
{
    /// <summary>
    /// An int64 id that the services write as a number (<c>10000</c>) or as a string (<c>"10000"</c>).
    /// A value that is not a whole number in int64 range is a <see cref="JsonFieldProblem"/> that says so (reported as an invalid response).
    /// </summary>
    internal sealed class FlexibleInt64Converter : JsonConverter<long?>
    {
        public override bool HandleNull => true;

        public override long? Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
        {
            if (reader.TokenType == JsonTokenType.Null)
            {
                return null;
            }

            if (reader.TokenType == JsonTokenType.Number)
            {
                if (reader.TryGetInt64(out var number))
                {
                    return number;
                }

                throw new JsonFieldProblem("is out of range for a 64-bit id");
            }

            if (reader.TokenType == JsonTokenType.String)
            {
                var span = reader.HasValueSequence ? reader.ValueSequence.ToArray() : reader.ValueSpan.ToArray();
                if (Utf8Parser.TryParse(span, out long parsed, out var consumed) && consumed == span.Length)
                {
                    return parsed;
                }

                throw new JsonFieldProblem(IsWholeNumber(span) ? "is out of range for a 64-bit id" : "is not a number");
            }

            throw new JsonFieldProblem("is not a number");
        }

        private static bool IsWholeNumber(byte[] text)
        {
            var start = text.Length > 0 && text[0] == (byte)'-' ? 1 : 0;
            if (text.Length == start)
            {
                return false;
            }

            for (var i = start; i < text.Length; i++)
            {
                if (text[i] < (byte)'0' || text[i] > (byte)'9')
                {
                    return false;
                }
            }

            return true;
        }

        public override void Write(Utf8JsonWriter writer, long? value, JsonSerializerOptions options)
        {
            if (value.HasValue)
            {
                writer.WriteNumberValue(value.Value);
            }
            else
            {
                writer.WriteNullValue();
            }
        }
    }
}
