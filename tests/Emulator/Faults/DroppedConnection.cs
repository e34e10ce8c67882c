using Microsoft.AspNetCore.Http;

namespace PSRemoteLinks.Emulator;

/// <summary>
/// A fault that drops the connection marks the request first: Kestrel cancels RequestAborted later, on another
/// thread, so without the mark the journal could record the status the handler had set (or 200) for an answer
/// that never left.
/// </summary>
internal static class DroppedConnection
{
    private static readonly object Key = new();

    public static void Drop(HttpContext context)
    {
        context.Items[Key] = true;
        context.Abort();
    }

    public static bool IsDropped(HttpContext context) =>
        context.RequestAborted.IsCancellationRequested || context.Items.ContainsKey(Key);
}
