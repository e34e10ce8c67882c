using System;
using System.Collections;
using System.Collections.Generic;
using System.Diagnostics;
using System.IO;
using System.IO.Compression;
using System.Linq;
using System.Management.Automation;
using System.Text.RegularExpressions;
using System.Threading.Tasks;
using System.Xml.Linq;
using PSRemoteLinks.EngineHost;
using PSRemoteLinks.Packaging;
using Xunit;

namespace PSRemoteLinks.Tests
{
    /// <summary>The Gallery package of the module this build published, packed once for the class into a temp folder.</summary>
    public sealed class PackedModuleFixture : IDisposable
    {
        public PackedModuleFixture()
        {
            Folder = Directory.CreateTempSubdirectory("PSRemoteLinks.PackageTests.").FullName;
            Packed = ModulePackage.Create(PackageTests.PublishedFolder, ModuleManifestTests.RepositoryRoot(), Path.Combine(Folder, "first"));
        }

        public string Folder { get; }

        public PackedModule Packed { get; }

        public void Dispose() => Directory.Delete(Folder, recursive: true);
    }

    public class PackageTests : IClassFixture<PackedModuleFixture>
    {
        internal static readonly string PublishedFolder = Path.GetDirectoryName(ModuleLocation.PublishedManifest)!;

        /// <summary>What the module needs in a session: manifest, assembly, formats, and System.Text.Json with its dependencies for Windows PowerShell.</summary>
        internal static readonly string[] ModuleFiles =
        {
            "Microsoft.Bcl.AsyncInterfaces.dll", "PSRemoteLinks.Format.ps1xml", "PSRemoteLinks.dll", "PSRemoteLinks.psd1",
            "System.Buffers.dll", "System.Memory.dll", "System.Numerics.Vectors.dll", "System.Runtime.CompilerServices.Unsafe.dll",
            "System.Text.Encodings.Web.dll", "System.Text.Json.dll", "System.Threading.Tasks.Extensions.dll",
            // Export-IssueLinkGraph -Format Svg: the layout assembly and the library it uses, loaded only for SVG.
            "PSRemoteLinks.GraphLayout.dll", "AutomaticGraphLayout.dll",
        };

        /// <summary>The nuspec and the parts every NuGet package carries (Publish-PSResource packs with the same writer).</summary>
        internal static readonly string[] PackageParts =
        {
            "PSRemoteLinks.nuspec", "[Content_Types].xml", "_rels/.rels", "package/services/metadata/core-properties/nuget.psmdcp",
        };

        private readonly PackedModuleFixture _fixture;

        public PackageTests(PackedModuleFixture fixture) => _fixture = fixture;

        private string PackagePath => _fixture.Packed.PackagePath;

        [Fact]
        public void The_package_is_named_after_the_module_and_the_version_in_Directory_Build_props()
        {
            Assert.Equal("PSRemoteLinks." + PublishedModule.PropsVersion() + ".nupkg", Path.GetFileName(PackagePath));
        }

        [Fact]
        public void The_package_holds_exactly_the_module_files_the_licences_the_readme_and_the_NuGet_parts()
        {
            var expected = ModuleFiles.Concat(PackageParts).Append("LICENSE").Append("THIRD-PARTY-NOTICES.md")
                .Concat(File.Exists(Path.Combine(ModuleManifestTests.RepositoryRoot(), "README.md")) ? new[] { "README.md" } : Array.Empty<string>())
                .Concat(CultureFolderFiles())
                .OrderBy(n => n, StringComparer.Ordinal);

            Assert.Equal(expected, Entries(PackagePath).OrderBy(n => n, StringComparer.Ordinal));
        }

        [Fact]
        public void Debug_symbols_and_the_dependency_manifest_stay_out_though_the_published_folder_has_them()
        {
            Assert.True(File.Exists(Path.Combine(PublishedFolder, "PSRemoteLinks.pdb")), "the published folder has the symbols");
            Assert.True(File.Exists(Path.Combine(PublishedFolder, "PSRemoteLinks.deps.json")), "the published folder has the dependency manifest");

            Assert.DoesNotContain(Entries(PackagePath), e => e.EndsWith(".pdb", StringComparison.Ordinal) || e.EndsWith(".deps.json", StringComparison.Ordinal));
        }

        [Fact]
        public void Every_packed_file_is_the_published_or_repository_file_byte_for_byte()
        {
            using var archive = ZipFile.OpenRead(PackagePath);
            foreach (var file in _fixture.Packed.Files)
            {
                using var entry = new MemoryStream();
                using (var stream = archive.GetEntry(file.TargetPath)!.Open())
                {
                    stream.CopyTo(entry);
                }

                Assert.True(entry.ToArray().AsSpan().SequenceEqual(File.ReadAllBytes(file.SourcePath)), file.TargetPath + " differs from " + file.SourcePath);
            }
        }

        [Fact]
        public void The_nuspec_version_is_the_one_in_Directory_Build_props()
        {
            Assert.Equal(PublishedModule.PropsVersion(), Metadata("version"));
        }

        [Fact]
        public void The_nuspec_carries_the_manifest_metadata_as_PowerShellGet_writes_it()
        {
            var manifest = PublishedModule.Manifest();
            var psData = (Hashtable)((Hashtable)manifest["PrivateData"]!)["PSData"]!;

            Assert.Equal("PSRemoteLinks", Metadata("id"));
            Assert.Equal(manifest["Author"], Metadata("authors"));
            Assert.Equal(manifest["CompanyName"], Metadata("owners"));
            Assert.Equal(manifest["Description"], Metadata("description"));
            Assert.Equal(manifest["Copyright"], Metadata("copyright"));
            Assert.Equal(psData["ProjectUri"], Metadata("projectUrl"));
            Assert.Equal(psData["LicenseUri"], Metadata("licenseUrl"));
            Assert.Equal(psData["ReleaseNotes"], Metadata("releaseNotes"));
            Assert.Equal("false", Metadata("requireLicenseAcceptance"));
        }

        [Fact]
        public void The_nuspec_tags_are_the_manifest_tags_then_PSModule_and_a_tag_per_cmdlet()
        {
            var manifestTags = ((object[])((Hashtable)((Hashtable)PublishedModule.Manifest()["PrivateData"]!)["PSData"]!)["Tags"]!).Cast<string>();
            var sorted = PublishedModule.Cmdlets.OrderBy(c => c, StringComparer.OrdinalIgnoreCase).ToList();
            var expected = manifestTags
                .Append("PSModule").Append("PSIncludes_Cmdlet")
                .Concat(sorted.Select(c => "PSCmdlet_" + c))
                .Concat(sorted.Select(c => "PSCommand_" + c));

            Assert.Equal(expected, Metadata("tags").Split(' '));
        }

        [Fact]
        public void Packing_the_same_module_again_gives_the_same_bytes()
        {
            var again = ModulePackage.Create(PublishedFolder, ModuleManifestTests.RepositoryRoot(), Path.Combine(_fixture.Folder, "again"));

            Assert.Equal(File.ReadAllBytes(PackagePath), File.ReadAllBytes(again.PackagePath));
        }

        [Fact]
        public void The_unpacked_package_passes_Test_ModuleManifest()
        {
            var folder = Path.Combine(_fixture.Folder, "unpacked", "PSRemoteLinks");
            ZipFile.ExtractToDirectory(PackagePath, folder);
            using var shell = PowerShellSession.Create();

            var result = shell.Run("Test-ModuleManifest -Path $p", new Dictionary<string, object?> { ["p"] = Path.Combine(folder, "PSRemoteLinks.psd1") });

            Assert.Empty(result.Errors);
            Assert.Null(result.TerminatingError);
            var module = (PSModuleInfo)Assert.Single(result.Output).BaseObject;
            Assert.Equal(PublishedModule.PropsVersion(), module.Version.ToString());
            Assert.Equal(Path.GetFullPath(folder), Path.GetFullPath(module.ModuleBase));
            Assert.Equal(PublishedModule.Cmdlets.OrderBy(c => c, StringComparer.Ordinal), module.ExportedCmdlets.Keys.OrderBy(c => c, StringComparer.Ordinal));
        }

        [Fact]
        public async Task The_unpacked_package_imports_in_a_new_process_and_its_cmdlets_come_from_it()
        {
            // This process already loaded the published PSRemoteLinks.dll, and an assembly loads only once per process.
            var (exitCode, output, errors) = await RunPackagingTool("--verify", PackagePath);

            Assert.True(exitCode == 0, $"exit code {exitCode}: {errors}{output}");
            Assert.Contains("Verified PSRemoteLinks." + PublishedModule.PropsVersion() + ".nupkg: Test-ModuleManifest passes; PSRemoteLinks " + PublishedModule.PropsVersion() + " imports from the unpacked package", output);
            var listed = output.Split('\n').Select(l => l.TrimEnd('\r')).Where(l => l.StartsWith("  ", StringComparison.Ordinal)).Select(l => l.Trim());
            Assert.Equal(PublishedModule.Cmdlets.OrderBy(c => c, StringComparer.OrdinalIgnoreCase), listed);
        }

        [Fact]
        public void The_changelog_has_a_section_for_the_version_in_Directory_Build_props()
        {
            var changelog = File.ReadAllText(Path.Combine(ModuleManifestTests.RepositoryRoot(), "CHANGELOG.md"));

            Assert.Matches(new Regex(@"^## \[" + Regex.Escape(PublishedModule.PropsVersion()) + @"\] - \d{4}-\d{2}-\d{2}$", RegexOptions.Multiline), changelog);
        }

        [Fact]
        public void A_module_folder_that_holds_the_engine_is_refused()
        {
            var folder = CopyOfPublishedModule("with-engine");
            File.WriteAllText(Path.Combine(folder, "System.Management.Automation.dll"), "not really the engine");

            var error = Assert.Throws<InvalidOperationException>(() => ModulePackage.Create(folder, ModuleManifestTests.RepositoryRoot(), Path.Combine(_fixture.Folder, "refused")));

            Assert.Contains("System.Management.Automation.dll", error.Message);
            Assert.False(Directory.Exists(Path.Combine(_fixture.Folder, "refused")), "no package is written");
        }

        [Fact]
        public void A_manifest_without_the_description_the_Gallery_needs_is_refused_naming_the_key()
        {
            var folder = CopyOfPublishedModule("without-description");
            var manifest = Path.Combine(folder, "PSRemoteLinks.psd1");
            File.WriteAllLines(manifest, File.ReadAllLines(manifest).Where(l => !l.TrimStart().StartsWith("Description", StringComparison.Ordinal)));

            var error = Assert.Throws<InvalidOperationException>(() => ModulePackage.Create(folder, ModuleManifestTests.RepositoryRoot(), Path.Combine(_fixture.Folder, "refused")));

            Assert.Contains("Description", error.Message);
            Assert.Contains(manifest, error.Message);
        }

        [Fact]
        public void A_manifest_Test_ModuleManifest_rejects_is_refused_with_the_engines_words()
        {
            var folder = CopyOfPublishedModule("broken");
            File.Delete(Path.Combine(folder, "PSRemoteLinks.Format.ps1xml"));

            var error = Assert.Throws<InvalidOperationException>(() => ModulePackage.Create(folder, ModuleManifestTests.RepositoryRoot(), Path.Combine(_fixture.Folder, "refused")));

            Assert.Contains("is not valid, so it was not packed", error.Message);
            Assert.Contains("PSRemoteLinks.Format.ps1xml", error.Message);
        }

        internal static List<string> Entries(string packagePath)
        {
            using var archive = ZipFile.OpenRead(packagePath);
            return archive.Entries.Select(e => e.FullName).ToList();
        }

        /// <summary>Help and other files the build puts in culture folders (en-US/...), as package entry names.</summary>
        internal static IEnumerable<string> CultureFolderFiles() =>
            Directory.GetFiles(PublishedFolder, "*", SearchOption.AllDirectories)
                .Select(f => Path.GetRelativePath(PublishedFolder, f).Replace(Path.DirectorySeparatorChar, '/'))
                .Where(f => f.Contains('/', StringComparison.Ordinal));

        private string Metadata(string name)
        {
            using var archive = ZipFile.OpenRead(PackagePath);
            using var stream = archive.GetEntry("PSRemoteLinks.nuspec")!.Open();
            var metadata = XDocument.Load(stream).Root!.Elements().Single(e => e.Name.LocalName == "metadata");
            return metadata.Elements().Single(e => e.Name.LocalName == name).Value;
        }

        private string CopyOfPublishedModule(string name)
        {
            var folder = Path.Combine(_fixture.Folder, name, "PSRemoteLinks");
            foreach (var file in Directory.GetFiles(PublishedFolder, "*", SearchOption.AllDirectories))
            {
                var target = Path.Combine(folder, Path.GetRelativePath(PublishedFolder, file));
                Directory.CreateDirectory(Path.GetDirectoryName(target)!);
                File.Copy(file, target);
            }

            return folder;
        }

        private static async Task<(int ExitCode, string Output, string Errors)> RunPackagingTool(params string[] arguments)
        {
            var start = new ProcessStartInfo(Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") is { Length: > 0 } host ? host : "dotnet")
            {
                RedirectStandardOutput = true,
                RedirectStandardError = true,
                UseShellExecute = false,
            };
            start.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "PSRemoteLinks.Package.dll"));
            foreach (var argument in arguments)
            {
                start.ArgumentList.Add(argument);
            }

            using var process = Process.Start(start)!;
            var output = process.StandardOutput.ReadToEndAsync();
            var errors = process.StandardError.ReadToEndAsync();
            using var timeout = new System.Threading.CancellationTokenSource(TimeSpan.FromMinutes(3));
            await process.WaitForExitAsync(timeout.Token);
            return (process.ExitCode, await output, await errors);
        }
    }
}
