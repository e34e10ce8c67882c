namespace PSRemoteLinks.Emulator;

/// <summary>Settings for one emulator instance. Credentials are read on every request; ports and paths at start.</summary>
public sealed class EmulatorOptions
{
    /// <summary>Plain-HTTP port on 127.0.0.1; 0 picks a free one.</summary>
    public int Port { get; set; } = 0;

    /// <summary>Where Jira lives on the site, e.g. "/jira"; "" puts Jira at the site root.</summary>
    public string JiraContextPath { get; set; } = "/jira";

    public string JiraUser { get; set; } = "admin@example.com";

    /// <summary>Accepted as <c>Authorization: Basic base64(JiraUser:JiraApiToken)</c>.</summary>
    public string JiraApiToken { get; set; } = "jira-api-token-7f3a9c";

    /// <summary>Accepted as <c>Authorization: Bearer JiraPersonalAccessToken</c>.</summary>
    public string JiraPersonalAccessToken { get; set; } = "jira-pat-51be0d";

    /// <summary>The only cloud id the gateway (/gateway/ex/jira/{cloudId}/...) answers for.</summary>
    public string JiraCloudId { get; set; } = "0b7c1a2e-3d4f-4a5b-8c6d-7e8f9a0b1c2d";

    /// <summary>Expected in <c>X-Org-ID</c> (Yandex 360 organization).</summary>
    public string TrackerOrgId { get; set; } = "7654321";

    /// <summary>Expected in <c>X-Cloud-Org-ID</c> (Yandex Cloud organization).</summary>
    public string TrackerCloudOrgId { get; set; } = "bpf3crm7k4ud2ngq0lrs";

    /// <summary>Accepted as <c>Authorization: OAuth token</c> with either org header.</summary>
    public string TrackerOAuthToken { get; set; } = "y0_tracker-oauth-4e2d";

    /// <summary>Accepted as <c>Authorization: Bearer token</c>, but only together with <c>X-Cloud-Org-ID</c>.</summary>
    public string TrackerIamToken { get; set; } = "t1.tracker-iam-9c8b";

    /// <summary>Which Jira search API the site has: Cloud's search/jql or Data Center's search (also what serverInfo says).</summary>
    public JiraDeployment JiraDeployment { get; set; } = JiraDeployment.Cloud;

    /// <summary>Fill both stores with the demo issues and links (see <see cref="SampleData"/>).</summary>
    public bool SeedSampleData { get; set; }

    /// <summary>Also listen over HTTPS (self-signed) and HTTPS with required client certificates.</summary>
    public bool EnableTls { get; set; }

    /// <summary>Extra plain-HTTP listeners on 127.0.0.1 (same app; each one another host for link checks): <see cref="EmulatorServer.WebHosts"/>.</summary>
    public int WebHostCount { get; set; }

    /// <summary>"/jira", "jira/" and "/jira/" all become "/jira"; "" and "/" become "".</summary>
    internal string NormalizedJiraContextPath
    {
        get
        {
            string trimmed = (JiraContextPath ?? string.Empty).Trim().Trim('/');
            return trimmed.Length == 0 ? string.Empty : "/" + trimmed;
        }
    }
}
