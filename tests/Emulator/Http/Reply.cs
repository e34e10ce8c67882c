using System.Text.Json.Nodes;
using System.Threading.Tasks;
using Microsoft.AspNetCore.Http;

namespace PSRemoteLinks.Emulator.Http;

/// <summary>What a handler decided while holding its store's lock; written to the wire after the lock is released.</summary>
internal readonly record struct Reply(int Status, JsonNode? Body, string? Allow = null)
{
    public static Reply Json(int status, JsonNode body) => new(status, body);

    /// <summary>No body and no Content-Type.</summary>
    public static Reply Empty(int status) => new(status, null);

    public Task WriteAsync(HttpContext context)
    {
        if (Allow is not null)
        {
            context.Response.Headers.Allow = Allow;
        }

        return Body is null ? Respond.Empty(context, Status) : Respond.Json(context, Status, Body);
    }
}
