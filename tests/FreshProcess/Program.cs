using System;
using PSRemoteLinks.EngineHost;

// Usage: PSRemoteLinks.FreshProcess <module manifest> <script>
// Imports the module into a new session of this new process, runs the script, prints each output object on a line
// and each error on stderr; exits 0 only when the script raised no error.
if (args.Length != 2)
{
    Console.Error.WriteLine("Usage: PSRemoteLinks.FreshProcess <module manifest> <script>");
    return 2;
}

using var session = PowerShellSession.Create(args[0]);
var result = session.Run(args[1]);
foreach (var item in result.Output)
{
    Console.WriteLine(item?.ToString());
}

foreach (var error in result.Errors)
{
    Console.Error.WriteLine(error.FullyQualifiedErrorId + ": " + error);
}

if (result.TerminatingError != null)
{
    Console.Error.WriteLine("terminating: " + result.TerminatingError.Message);
}

return result.Errors.Count == 0 && result.TerminatingError == null ? 0 : 1;
