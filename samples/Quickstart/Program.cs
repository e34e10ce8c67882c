using System;
using PSRemoteLinks.Quickstart;

return await QuickstartRunner.RunAsync(Console.Out);
