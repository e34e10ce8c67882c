using System;
using System.Collections.Generic;
using System.Globalization;
using System.Runtime.InteropServices;
using System.Threading.Tasks;

namespace PSRemoteLinks.Emulator;

/// <summary>Standalone host: <c>dotnet run --project tests/Emulator -- [--port N] [--seed] [--jira-context /jira] [--tls] [--latency MS] [--fault NAME[:PATH][*COUNT]]... [--ignore-stdin]</c>.</summary>
internal static partial class Program
{
    private static readonly string Usage =
        "Usage: PSRemoteLinks.Emulator [--port N] [--seed] [--jira-context PATH] [--tls] [--latency MS] [--fault NAME[:PATH][*COUNT]]... [--ignore-stdin]\n" +
        "  --port N            HTTP port on 127.0.0.1 (default 0: a free port)\n" +
        "  --seed              load the demo issues and links (DEMO-1..3, TREK-1..3)\n" +
        "  --jira-context PATH Jira's context path (default /jira; \"\" or / for the site root)\n" +
        "  --tls               also listen over HTTPS and HTTPS with client certificates\n" +
        "  --latency MS        delay every request by MS milliseconds (0 to 600000), like a distant server\n" +
        "  --fault NAME[:PATH][*COUNT]\n" +
        "                      answer requests whose path contains PATH (default: all) with a hostile response,\n" +
        "                      only the first COUNT of them (default: every one); repeat for several, first match wins:\n" +
        StandaloneFaults.Help + "\n" +
        "  --ignore-stdin      run until Ctrl+C/SIGTERM only (by default stdin EOF also stops it)";

    public static async Task<int> Main(string[] args)
    {
        var options = new EmulatorOptions();
        var latency = TimeSpan.Zero;
        var faults = new List<Fault>();
        bool watchStdin = true;
        for (int i = 0; i < args.Length; i++)
        {
            string arg = args[i];
            string? inline = null;
            int equals = arg.IndexOf('=', StringComparison.Ordinal);
            if (arg.StartsWith("--", StringComparison.Ordinal) && equals > 0)
            {
                inline = arg[(equals + 1)..];
                arg = arg[..equals];
            }

            switch (arg)
            {
                case "--port" when TryValue(args, ref i, inline, out string? text)
                                   && int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out int port)
                                   && port <= 65535:
                    options.Port = port;
                    break;
                case "--jira-context" when TryValue(args, ref i, inline, out string? path):
                    options.JiraContextPath = path!;
                    break;
                case "--latency":
                    if (!TryValue(args, ref i, inline, out string? delay)
                        || !int.TryParse(delay, NumberStyles.None, CultureInfo.InvariantCulture, out int milliseconds)
                        || milliseconds > 600_000)
                    {
                        Console.Error.WriteLine($"--latency takes a whole number of milliseconds from 0 to 600000 (e.g. --latency 50); got '{delay}'.");
                        return 2;
                    }

                    latency = TimeSpan.FromMilliseconds(milliseconds);
                    break;
                case "--fault" when TryValue(args, ref i, inline, out string? text):
                    Fault? fault = StandaloneFaults.Parse(text!, out string? problem);
                    if (fault is null)
                    {
                        Console.Error.WriteLine(problem);
                        return 2;
                    }

                    faults.Add(fault);
                    break;
                case "--seed":
                    options.SeedSampleData = true;
                    break;
                case "--tls":
                    options.EnableTls = true;
                    break;
                case "--ignore-stdin":
                    watchStdin = false;
                    break;
                case "-h" or "--help" or "-?":
                    Console.WriteLine(Usage);
                    return 0;
                default:
                    Console.Error.WriteLine($"Unrecognized or incomplete argument '{args[i]}'.");
                    Console.Error.WriteLine(Usage);
                    return 2;
            }
        }

        var stop = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        using PosixSignalRegistration sigint = PosixSignalRegistration.Create(PosixSignal.SIGINT, Stop);
        using PosixSignalRegistration sigterm = PosixSignalRegistration.Create(PosixSignal.SIGTERM, Stop);

        await using EmulatorServer server = await EmulatorServer.StartAsync(options).ConfigureAwait(false);
        server.Latency.Fixed = latency;
        foreach (Fault fault in faults)
        {
            server.Faults.Add(fault);
        }

        PrintBanner(server, faults);

        if (watchStdin)
        {
            _ = Task.Run(() =>
            {
                try
                {
                    while (Console.In.ReadLine() is not null)
                    {
                    }
                }
                catch (Exception e) when (e is System.IO.IOException or ObjectDisposedException)
                {
                }

                stop.TrySetResult();
            });
        }

        await stop.Task.ConfigureAwait(false);
        Console.WriteLine("Stopping.");
        return 0;

        void Stop(PosixSignalContext context)
        {
            context.Cancel = true;
            stop.TrySetResult();
        }
    }

    private static void PrintBanner(EmulatorServer server, IReadOnlyList<Fault> faults)
    {
        EmulatorOptions o = server.Options;
        string jira = server.JiraUri.ToString().TrimEnd('/');
        Console.WriteLine($"Jira:    {jira}  (user {o.JiraUser}, API token {o.JiraApiToken}, PAT {o.JiraPersonalAccessToken})");
        Console.WriteLine($"Gateway: {server.JiraGatewayUri}  (cloud id {o.JiraCloudId}, same credentials)");
        Console.WriteLine($"Tracker: {server.TrackerUri}  (X-Org-ID {o.TrackerOrgId}, OAuth token {o.TrackerOAuthToken}; " +
                          $"X-Cloud-Org-ID {o.TrackerCloudOrgId}, IAM token {o.TrackerIamToken})");
        PrintTls(server);
        PrintMisbehaviour(server, faults);
        Console.WriteLine(o.SeedSampleData
            ? "Seeded: Jira DEMO-1..DEMO-3, Tracker TREK-1..TREK-3."
            : "No sample data (use --seed).");
        Console.WriteLine("Press Ctrl+C (or close stdin) to stop.");
    }

    static partial void PrintTls(EmulatorServer server);

    static partial void PrintMisbehaviour(EmulatorServer server, IReadOnlyList<Fault> faults);

    private static bool TryValue(string[] args, ref int i, string? inline, out string? value)
    {
        if (inline is not null)
        {
            value = inline;
            return true;
        }

        if (i + 1 < args.Length)
        {
            value = args[++i];
            return true;
        }

        value = null;
        return false;
    }
}
