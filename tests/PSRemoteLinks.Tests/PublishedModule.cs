using System.Collections;
using System.IO;
using System.Management.Automation.Language;
using System.Text.RegularExpressions;
using PSRemoteLinks.EngineHost;
using Xunit;

namespace PSRemoteLinks.Tests
{
    /// <summary>What the manifest, package and script tests expect of the module this build published.</summary>
    internal static class PublishedModule
    {
        /// <summary>The cmdlets the module exports, every one of them and nothing else.</summary>
        public static readonly string[] Cmdlets =
        {
            "Connect-Jira", "Connect-YandexTracker", "Get-IssueTrackerConnection", "Disconnect-IssueTracker",
            "Get-RemoteIssueLink", "New-RemoteIssueLink", "Set-RemoteIssueLink", "Remove-RemoteIssueLink",
            "Get-IssueLink", "New-IssueLink", "Remove-IssueLink", "Get-IssueLinkType",
            "Test-RemoteIssueLink",
        };

        /// <summary>The published manifest's hashtable, read without running it; the manifest must parse cleanly.</summary>
        public static Hashtable Manifest()
        {
            var ast = Parser.ParseFile(ModuleLocation.PublishedManifest, out _, out var errors);
            Assert.Empty(errors);
            return (Hashtable)ast.Find(a => a is HashtableAst, false)!.SafeGetValue();
        }

        /// <summary>The module's version, from its one home: PSRemoteLinksVersion in Directory.Build.props.</summary>
        public static string PropsVersion()
        {
            var props = File.ReadAllText(Path.Combine(ModuleManifestTests.RepositoryRoot(), "Directory.Build.props"));
            var match = Regex.Match(props, "<PSRemoteLinksVersion>([^<]+)<");
            Assert.True(match.Success, "Directory.Build.props sets PSRemoteLinksVersion");
            return match.Groups[1].Value;
        }
    }
}
