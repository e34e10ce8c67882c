using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Threading.Tasks;
using Microsoft.AspNetCore.Http;

namespace PSRemoteLinks.Emulator.Http;

/// <summary>Writes status, headers and body in the formats the emulated services use.</summary>
internal static class Respond
{
    public const string JsonContentType = "application/json;charset=UTF-8";

    /// <summary>Both services send non-ASCII text as raw UTF-8, not as \u escapes.</summary>
    public static readonly JsonSerializerOptions JsonOptions = new()
    {
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    public static Task Json(HttpContext context, int status, JsonNode? body)
    {
        string text = body is null ? "null" : body.ToJsonString(JsonOptions);
        return Text(context, status, text, JsonContentType);
    }

    public static Task Text(HttpContext context, int status, string body, string contentType)
    {
        return Bytes(context, status, Encoding.UTF8.GetBytes(body), contentType);
    }

    public static async Task Bytes(HttpContext context, int status, byte[] body, string? contentType)
    {
        context.Response.StatusCode = status;
        if (contentType is not null)
        {
            context.Response.ContentType = contentType;
        }

        context.Response.ContentLength = body.Length;
        if (body.Length > 0)
        {
            await context.Response.Body.WriteAsync(body, context.RequestAborted).ConfigureAwait(false);
        }
    }

    /// <summary>A status with no body and no Content-Type (Jira's 201 from POST issueLink, every 204).</summary>
    public static Task Empty(HttpContext context, int status)
    {
        context.Response.StatusCode = status;
        context.Response.ContentLength = 0;
        return Task.CompletedTask;
    }

    public static Task HtmlNotFound(HttpContext context)
    {
        const string page =
            "<!DOCTYPE html>\n<html><head><title>404 Not Found</title></head>" +
            "<body><h1>Not Found</h1><p>The requested URL was not found on this server.</p></body></html>\n";
        return Text(context, StatusCodes.Status404NotFound, page, "text/html;charset=UTF-8");
    }
}
