using System;
using PSRemoteLinks.Quickstart;

// dotnet run --project samples/Quickstart [-- --graph <file.svg>]
// --graph keeps the tour's dependency graph at that path (README: regenerates docs/images/dependency-graph.svg).
string? graphPath = null;
if (args.Length == 2 && args[0] == "--graph")
{
    graphPath = args[1];
}
else if (args.Length != 0)
{
    Console.Error.WriteLine("Usage: PSRemoteLinks.Quickstart [--graph <file.svg>]");
    return 2;
}

return await QuickstartRunner.RunAsync(Console.Out, graphPath: graphPath);
