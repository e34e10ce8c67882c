using System.Collections;
using System.IO;
using System.Linq;
using System.Management.Automation;
using PSRemoteLinks.EngineHost;
using Xunit;

namespace PSRemoteLinks.Tests
{
    public class ModuleManifestTests
    {
        [Fact]
        public void The_published_folder_holds_the_module_files()
        {
            var folder = Path.GetDirectoryName(ModuleLocation.PublishedManifest)!;
            foreach (var file in new[] { "PSRemoteLinks.psd1", "PSRemoteLinks.dll", "PSRemoteLinks.Format.ps1xml", "System.Text.Json.dll", "System.Memory.dll", "Microsoft.Bcl.AsyncInterfaces.dll" })
            {
                Assert.True(File.Exists(Path.Combine(folder, file)), file + " is published");
            }

            Assert.False(File.Exists(Path.Combine(folder, "System.Management.Automation.dll")), "the engine is never shipped");
        }

        [Fact]
        public void Test_ModuleManifest_passes_and_exports_exactly_the_cmdlets()
        {
            using var shell = PowerShellSession.Create();
            var result = shell.Run("Test-ModuleManifest -Path $p", new System.Collections.Generic.Dictionary<string, object?> { ["p"] = ModuleLocation.PublishedManifest });

            Assert.Empty(result.Errors);
            Assert.Null(result.TerminatingError);
            var info = (PSModuleInfo)Assert.Single(result.Output).BaseObject;
            Assert.Equal(PublishedModule.Cmdlets.OrderBy(c => c), info.ExportedCmdlets.Keys.OrderBy(c => c));
            Assert.Equal(new[] { "Desktop", "Core" }, info.CompatiblePSEditions);
            Assert.Equal(new System.Version(5, 1), info.PowerShellVersion);
        }

        [Fact]
        public void The_manifest_lists_cmdlets_explicitly_and_exports_nothing_else()
        {
            var manifest = PublishedModule.Manifest();
            var cmdlets = ((object[])manifest["CmdletsToExport"]!).Cast<string>().ToArray();
            Assert.DoesNotContain(cmdlets, c => c.Contains('*'));
            Assert.Equal(PublishedModule.Cmdlets.OrderBy(c => c), cmdlets.OrderBy(c => c));
            foreach (var key in new[] { "FunctionsToExport", "VariablesToExport", "AliasesToExport" })
            {
                Assert.Empty((object[])manifest[key]!);
            }

            var psData = (Hashtable)((Hashtable)manifest["PrivateData"]!)["PSData"]!;
            var tags = ((object[])psData["Tags"]!).Cast<string>().ToArray();
            Assert.Contains("PSEdition_Desktop", tags);
            Assert.Contains("PSEdition_Core", tags);
            Assert.NotNull(psData["ProjectUri"]);
            Assert.NotNull(psData["LicenseUri"]);
        }

        [Fact]
        public void The_published_module_imports_and_its_cmdlets_come_from_the_published_assembly()
        {
            using var shell = PowerShellSession.Create(ModuleLocation.PublishedManifest);
            var result = shell.Run("(Get-Command Get-RemoteIssueLink).ImplementingType.Assembly.Location");
            Assert.Empty(result.Errors);
            Assert.Equal(Path.Combine(Path.GetDirectoryName(ModuleLocation.PublishedManifest)!, "PSRemoteLinks.dll"), result.Output.Single().BaseObject);
        }

        [Fact]
        public void The_published_version_is_the_one_from_Directory_Build_props()
        {
            Assert.Equal(PublishedModule.PropsVersion(), PublishedModule.Manifest()["ModuleVersion"]);
        }

        internal static string RepositoryRoot() => Documentation.RepositoryFolder.Root();
    }
}
