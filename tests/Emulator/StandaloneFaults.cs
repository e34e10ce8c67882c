using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;

namespace PSRemoteLinks.Emulator;

/// <summary>
/// The hostile responses the standalone emulator serves on request (<c>--fault NAME[:PATH][*COUNT]</c>), by name,
/// so a user or a contributor can watch the module meet a broken server without writing a host around it.
/// </summary>
internal static class StandaloneFaults
{
    private static readonly Dictionary<string, (string What, Func<Fault> Create)> Known = new(StringComparer.OrdinalIgnoreCase)
    {
        ["429"] = ("429 Too Many Requests, Retry-After 1", () => Fault.TooManyRequests("1")),
        ["503"] = ("503 Service Unavailable (an HTML page), Retry-After 1", () => Fault.ServiceUnavailable("1")),
        ["500"] = ("500 with a Jira-style error body", () => Fault.Status(500, "{\"errorMessages\":[\"Internal server error.\"],\"errors\":{}}")),
        ["login-page"] = ("200 with an HTML sign-in page, as an SSO proxy serves it", () => Fault.HtmlLoginPage()),
        ["empty-body"] = ("200 with an empty body", () => Fault.Status(200)),
        ["truncated-json"] = ("200 with JSON cut off mid-string", Fault.TruncatedJson),
        ["endless-body"] = ("200 with a body that never ends", () => Fault.EndlessBody()),
        ["hang"] = ("no answer at all, until the client gives up", Fault.Hang),
        ["reset"] = ("the connection dropped without an answer", Fault.ResetConnection),
        ["redirect-offsite"] = ("302 to another host", () => Fault.Redirect(302, "https://elsewhere.example/login")),
    };

    public static string Help =>
        string.Join("\n", Known.Select(k => $"                      {k.Key,-16} {k.Value.What}"));

    /// <summary>
    /// Parses <c>NAME[:PATH][*COUNT]</c>: the fault, only for requests whose path contains PATH (default: every
    /// request), only for the first COUNT of them (default: all). Null, with the reason, when the text is not one.
    /// </summary>
    public static Fault? Parse(string text, out string? problem)
    {
        problem = null;
        string rest = text;
        int count = -1;
        int star = rest.LastIndexOf('*');
        if (star >= 0)
        {
            if (!int.TryParse(rest[(star + 1)..], NumberStyles.None, CultureInfo.InvariantCulture, out count) || count < 1)
            {
                problem = $"--fault '{text}': the count after '*' must be a whole number of at least 1.";
                return null;
            }

            rest = rest[..star];
        }

        int colon = rest.IndexOf(':', StringComparison.Ordinal);
        string name = colon >= 0 ? rest[..colon] : rest;
        string path = colon >= 0 ? rest[(colon + 1)..] : string.Empty;
        if (!Known.TryGetValue(name, out var known))
        {
            problem = $"--fault '{text}': '{name}' is not a fault this emulator serves; it serves {string.Join(", ", Known.Keys)}.";
            return null;
        }

        return known.Create().For(null, path).Times(count);
    }
}
