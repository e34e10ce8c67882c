using System;
using System.Globalization;
using System.Runtime.InteropServices;
using System.Threading.Tasks;

namespace PSRemoteLinks.Emulator;

/// <summary>Standalone host: <c>dotnet run --project tests/Emulator -- [--port N] [--seed] [--jira-context /jira] [--tls] [--ignore-stdin]</c>.</summary>
internal static partial class Program
{
    private const string Usage =
        "Usage: PSRemoteLinks.Emulator [--port N] [--seed] [--jira-context PATH] [--tls] [--ignore-stdin]\n" +
        "  --port N            HTTP port on 127.0.0.1 (default 0: a free port)\n" +
        "  --seed              load the demo issues and links (DEMO-1..3, TREK-1..3)\n" +
        "  --jira-context PATH Jira's context path (default /jira; \"\" or / for the site root)\n" +
        "  --tls               also listen over HTTPS and HTTPS with client certificates\n" +
        "  --ignore-stdin      run until Ctrl+C/SIGTERM only (by default stdin EOF also stops it)";

    public static async Task<int> Main(string[] args)
    {
        var options = new EmulatorOptions();
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
        PrintBanner(server);

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

    private static void PrintBanner(EmulatorServer server)
    {
        EmulatorOptions o = server.Options;
        string jira = server.JiraUri.ToString().TrimEnd('/');
        Console.WriteLine($"Jira:    {jira}  (user {o.JiraUser}, API token {o.JiraApiToken}, PAT {o.JiraPersonalAccessToken})");
        Console.WriteLine($"Gateway: {server.JiraGatewayUri}  (cloud id {o.JiraCloudId}, same credentials)");
        Console.WriteLine($"Tracker: {server.TrackerUri}  (X-Org-ID {o.TrackerOrgId}, OAuth token {o.TrackerOAuthToken}; " +
                          $"X-Cloud-Org-ID {o.TrackerCloudOrgId}, IAM token {o.TrackerIamToken})");
        PrintTls(server);
        Console.WriteLine(o.SeedSampleData
            ? "Seeded: Jira DEMO-1..DEMO-3, Tracker TREK-1..TREK-3."
            : "No sample data (use --seed).");
        Console.WriteLine("Press Ctrl+C (or close stdin) to stop.");
    }

    static partial void PrintTls(EmulatorServer server);

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
