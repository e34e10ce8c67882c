namespace PSRemoteLinks.Emulator;

/// <summary>The demo content behind <see cref="EmulatorOptions.SeedSampleData"/> and <c>--seed</c>.</summary>
public static class SampleData
{
    public const string CiGlobalId = "system=https://ci.example.org&build=991";

    public static void Seed(JiraStore jira, TrackerStore tracker)
    {
        System.ArgumentNullException.ThrowIfNull(jira);
        System.ArgumentNullException.ThrowIfNull(tracker);

        jira.AddIssue("DEMO-1", "Login fails on Safari");
        jira.AddIssue("DEMO-2", "Release 2.4 checklist", "In Progress");
        jira.AddIssue("DEMO-3", "Upgrade TLS library", "Done");
        jira.AddRemoteLink("DEMO-1", $$"""
            {
              "globalId": "{{CiGlobalId}}",
              "application": { "type": "org.example.ci", "name": "Example CI" },
              "relationship": "built by",
              "object": {
                "url": "https://ci.example.org/builds/991",
                "title": "Build #991",
                "summary": "Nightly build of main",
                "icon": { "url16x16": "https://ci.example.org/favicon-16.png", "title": "Build" },
                "status": {
                  "resolved": false,
                  "icon": {
                    "url16x16": "https://ci.example.org/running.png",
                    "title": "Running",
                    "link": "https://ci.example.org/builds/991/log"
                  }
                }
              }
            }
            """);
        jira.AddRemoteLink("DEMO-1", """
            { "object": { "url": "https://docs.example.org/safari-login", "title": "Safari login notes" } }
            """);
        jira.AddIssueLink("Blocks", inwardKey: "DEMO-3", outwardKey: "DEMO-1");

        tracker.AddIssue("TREK-1", "Set up CI");
        tracker.AddIssue("TREK-2", "Write docs", "inProgress");
        tracker.AddIssue("TREK-3", "Ship 1.0");
        tracker.SetAssignee("TREK-1", "admin", "Emulated Admin");
        tracker.AddLink("TREK-3", "depends on", "TREK-1");
        tracker.AddRemoteLink("TREK-1", "ru.yandex.bitbucket", "PR-42");
    }
}
