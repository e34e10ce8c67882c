using System;
using System.Globalization;
using System.Text;
using PSRemoteLinks.Emulator;
using PSRemoteLinks.HelpGenerator.Docs;
using PSRemoteLinks.Tests.Documentation;

namespace PSRemoteLinks.PwshExamples;

/// <summary>
/// The script one block runs in: the variables the documentation promises ($JiraUri, $JiraCred, $WikiUri...; docs/README.md),
/// the connection its fence asks for, then the block, rendered by pwsh's own formatter at the documented 120 columns
/// (a redirected console would render at 80). What the block writes to the error stream is collected, printed to
/// standard error and turned into the exit code, so a block that fails can never pass.
/// </summary>
internal static class ExampleScript
{
    public const int Columns = 120;

    public static string For(DocumentedExample example, EmulatorServer server, string modulePath)
    {
        EmulatorOptions o = server.Options;
        var script = new StringBuilder();
        script.AppendLine("Import-Module -Name " + Quote(modulePath) + " -ErrorAction Stop");
        script.AppendLine("$JiraUri = [uri] " + Quote(server.JiraUri.AbsoluteUri));
        script.AppendLine("$JiraCred = [pscredential]::new(" + Quote(o.JiraUser) + ", " + Secure(o.JiraApiToken) + ")");
        script.AppendLine("$JiraPat = " + Secure(o.JiraPersonalAccessToken));
        script.AppendLine("$TrackerUri = [uri] " + Quote(server.TrackerUri.AbsoluteUri));
        script.AppendLine("$TrackerToken = " + Secure(o.TrackerOAuthToken));
        script.AppendLine("$IamToken = " + Secure(o.TrackerIamToken));
        script.AppendLine("$OrgId = " + Quote(o.TrackerOrgId));
        script.AppendLine("$CloudOrgId = " + Quote(o.TrackerCloudOrgId));
        script.AppendLine("$WikiUri = [uri] " + Quote(server.WebUri.AbsoluteUri));
        if (ExampleFence.Has(example.Code, ExampleFence.Tracker))
        {
            script.AppendLine("Connect-YandexTracker -Uri $TrackerUri -Token $TrackerToken -OrgId $OrgId -ErrorAction Stop");
        }
        else if (!ExampleFence.Has(example.Code, ExampleFence.NoConnect))
        {
            script.AppendLine("Connect-Jira -Uri $JiraUri -Credential $JiraCred -ErrorAction Stop");
        }

        script.AppendLine("$exampleErrors = [System.Collections.Generic.List[System.Management.Automation.ErrorRecord]]::new()");
        script.AppendLine(". {");
        script.AppendLine(example.Code.Code);
        script.AppendLine("} 2>&1 | ForEach-Object {");
        script.AppendLine("    if ($_ -is [System.Management.Automation.ErrorRecord]) { $exampleErrors.Add($_) } else { $_ }");
        script.AppendLine(CultureInfo.InvariantCulture, $"}} | Out-String -Width {Columns} -Stream | ForEach-Object {{ [Console]::Out.WriteLine($_) }}");
        script.AppendLine("foreach ($exampleError in $exampleErrors) { [Console]::Error.WriteLine($exampleError.FullyQualifiedErrorId + ': ' + $exampleError) }");
        script.AppendLine("exit [Math]::Min($exampleErrors.Count, 100)");
        return script.ToString();
    }

    private static string Quote(string text) => "'" + text.Replace("'", "''", StringComparison.Ordinal) + "'";

    private static string Secure(string text) => "(ConvertTo-SecureString -String " + Quote(text) + " -AsPlainText -Force)";
}
