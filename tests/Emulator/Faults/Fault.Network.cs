using System;
using System.Globalization;
using System.Text;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.AspNetCore.Http;
using PSRemoteLinks.Emulator.Http;

namespace PSRemoteLinks.Emulator;

/// <summary>Faults that misbehave at the HTTP or connection level rather than at the API level.</summary>
public sealed partial class Fault
{
    private const string TruncatedBody =
        "{\"id\":10000,\"self\":\"http://127.0.0.1/jira/rest/api/2/issue/DEMO-1/remotelink/10000\"," +
        "\"globalId\":\"system=https://ci.example.org&build=991\",\"object\":{\"url\":\"https://ci.exa";

    /// <summary>Answers <paramref name="status"/> (301, 302, 307, 308...) with a Location header and no body.</summary>
    public static Fault Redirect(int status, string location)
    {
        ArgumentException.ThrowIfNullOrEmpty(location);
        return new Fault($"redirect {status} to {location}", (context, _, _) =>
        {
            context.Response.Headers.Location = location;
            return Respond.Empty(context, status);
        });
    }

    /// <summary>Drops the connection without any response, before the request is handled (nothing is changed).</summary>
    public static Fault ResetConnection()
    {
        return new Fault("reset connection", (context, _, _) =>
        {
            DroppedConnection.Drop(context);
            return Task.CompletedTask;
        });
    }

    /// <summary>
    /// Handles the request normally (the change is made and journaled), then drops the connection before any of the
    /// answer leaves: a lost answer, as when a network breaks after the server did the work.
    /// </summary>
    public static Fault ResetAfterHandling()
    {
        return new Fault("reset after handling", async (context, next, _) =>
        {
            var original = context.Response.Body;
            using var discarded = new System.IO.MemoryStream();
            context.Response.Body = discarded;
            try
            {
                await next(context).ConfigureAwait(false);
            }
            finally
            {
                context.Response.Body = original;
            }

            DroppedConnection.Drop(context);
        });
    }

    /// <summary>200 with a chunked body that never ends: a JSON array element every 50 ms until the client aborts.</summary>
    public static Fault EndlessBody(string contentType = "application/json")
    {
        return new Fault("endless body", async (context, _, stopping) =>
        {
            using var linked = CancellationTokenSource.CreateLinkedTokenSource(context.RequestAborted, stopping);
            context.Response.StatusCode = 200;
            context.Response.ContentType = contentType;
            try
            {
                await context.Response.Body.WriteAsync("["u8.ToArray(), linked.Token).ConfigureAwait(false);
                for (long i = 0; ; i++)
                {
                    string element = "{\"id\":" + i.ToString(CultureInfo.InvariantCulture) + ",\"object\":{\"title\":\"more\"}},";
                    await context.Response.Body.WriteAsync(Encoding.UTF8.GetBytes(element), linked.Token).ConfigureAwait(false);
                    await context.Response.Body.FlushAsync(linked.Token).ConfigureAwait(false);
                    await Task.Delay(50, linked.Token).ConfigureAwait(false);
                }
            }
            catch (OperationCanceledException)
            {
            }
            catch (System.IO.IOException)
            {
            }

            context.Abort();
        });
    }

    /// <summary>200 application/json whose (complete, correctly framed) body is a JSON document cut off mid-string.</summary>
    public static Fault TruncatedJson() => Serve(200, TruncatedBody);
}
