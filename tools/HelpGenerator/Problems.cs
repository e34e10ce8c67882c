using System;
using System.Collections.Generic;
using System.Globalization;

namespace PSRemoteLinks.HelpGenerator;

/// <summary>A reason to refuse the help sources, pointing at the line to fix.</summary>
public sealed record Problem(string File, int Line, string Message)
{
    /// <summary>The canonical "file(line): error CODE: text" form, which MSBuild shows as a build error.</summary>
    public override string ToString() =>
        string.Format(CultureInfo.InvariantCulture, "{0}({1}): error PSRLHELP: {2}", File, Math.Max(Line, 1), Message);
}

/// <summary>Problems found so far; each source file reports through its own <see cref="For"/> view.</summary>
public sealed class ProblemList
{
    private readonly List<Problem> _all = new();

    public IReadOnlyList<Problem> All => _all;

    public void Add(string file, int line, string message) => _all.Add(new Problem(file, line, message));

    public Action<int, string> For(string file) => (line, message) => Add(file, line, message);
}
