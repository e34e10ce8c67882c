using System;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http;

namespace PSRemoteLinks.Emulator.Http;

/// <summary>The journal reads each body once; handlers take it from here instead of the stream.</summary>
internal static class RequestBody
{
    private const string ItemKey = "PSRemoteLinks.Emulator.Body";

    public static void Set(HttpContext context, byte[] body) => context.Items[ItemKey] = body;

    public static byte[] Get(HttpContext context) =>
        context.Items.TryGetValue(ItemKey, out object? value) && value is byte[] bytes ? bytes : Array.Empty<byte>();

    /// <summary>Parses the body as JSON; null with an error text when it is empty or not JSON.</summary>
    public static JsonNode? ParseJson(HttpContext context, out string? error)
    {
        byte[] body = Get(context);
        if (body.Length == 0)
        {
            error = "No content to map due to end-of-input";
            return null;
        }

        try
        {
            JsonNode? node = JsonNode.Parse(body);
            error = node is null ? "The request body is null." : null;
            return node;
        }
        catch (JsonException e)
        {
            error = "Unexpected character in the request body: " + e.Message;
            return null;
        }
    }
}
