using System;
using System.Collections.Generic;

namespace PSRemoteLinks.Emulator;

/// <summary>One request as the emulator saw it.</summary>
/// <param name="Method">HTTP method, upper case.</param>
/// <param name="Path">Decoded path (PathBase + Path).</param>
/// <param name="RawTarget">The request target exactly as sent on the wire: path and query, still percent-encoded.</param>
/// <param name="Query">The raw (still encoded) query string including the leading '?', or "" when there is none.</param>
/// <param name="Headers">Request headers; keys are case-insensitive, repeated values are joined with ", ".</param>
/// <param name="Body">Request body decoded as UTF-8 ("" when there was none).</param>
/// <param name="Status">Status the emulator answered; 0 while in flight, or when the request was aborted or hung.</param>
/// <param name="ReceivedAt">When the request arrived.</param>
public sealed record RecordedRequest(
    string Method,
    string Path,
    string RawTarget,
    string Query,
    IReadOnlyDictionary<string, string> Headers,
    string Body,
    int Status,
    DateTimeOffset ReceivedAt);
