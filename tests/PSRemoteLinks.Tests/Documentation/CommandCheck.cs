using System;
using System.IO;
using System.Collections.Generic;
using System.Linq;
using System.Management.Automation;
using System.Management.Automation.Language;
using PSRemoteLinks.EngineHost;

namespace PSRemoteLinks.Tests.Documentation
{
    /// <summary>
    /// What a documented block calls, checked against the commands a session really has: PSRemoteLinks commands
    /// and their parameters must exist; standard cmdlets the test engine lacks make the block parse-only; anything
    /// else is an unknown command (a typo), never skipped.
    /// </summary>
    public sealed class CommandCheck
    {
        /// <summary>Standard PowerShell cmdlets that the hosted engine (Microsoft.PowerShell.Core only) does not have.</summary>
        public static readonly IReadOnlyCollection<string> StandardCmdletsMissingFromTheEngine = new HashSet<string>(StringComparer.OrdinalIgnoreCase)
        {
            "Get-Credential", "Read-Host", "Write-Host", "Write-Output", "Write-Warning", "Write-Verbose", "Write-Error",
            "Format-Table", "Format-List", "Format-Wide", "Format-Custom", "Out-String", "Out-File", "Out-GridView",
            "Select-Object", "Sort-Object", "Group-Object", "Measure-Object", "Tee-Object", "Compare-Object",
            "Export-Csv", "Import-Csv", "ConvertTo-Csv", "ConvertFrom-Csv", "ConvertTo-Json", "ConvertFrom-Json",
            "ConvertTo-SecureString", "ConvertFrom-SecureString", "Get-PfxCertificate", "Invoke-RestMethod",
            "Invoke-WebRequest", "Get-Date", "Start-Sleep", "Get-Item", "Get-ChildItem", "Get-Content", "Set-Content",
            "Export-Clixml", "Import-Clixml",
            // PowerShellGet / PSResourceGet, shipped with PowerShell but not part of the engine package.
            "Install-Module", "Install-PSResource", "Publish-PSResource", "Update-Module",
        };

        private const string Describe = @"
$command = Get-Command -Name $name -ErrorAction SilentlyContinue | Where-Object CommandType -ne 'Application' | ForEach-Object { $_ }
if ($command) {
    [pscustomobject]@{
        Module = $command.ModuleName
        Parameters = @($command.Parameters.Values | ForEach-Object { $_.Name; $_.Aliases })
    }
}";

        private CommandCheck(ScriptBlockAst ast, IReadOnlyList<string> problems, IReadOnlyList<string> missingStandard)
        {
            Ast = ast;
            Problems = problems;
            MissingStandardCmdlets = missingStandard;
        }

        public ScriptBlockAst Ast { get; }

        /// <summary>Parse errors, unknown commands, and PSRemoteLinks parameters that do not exist.</summary>
        public IReadOnlyList<string> Problems { get; }

        /// <summary>The standard cmdlets the block calls that the hosted engine lacks: such a block is only parsed.</summary>
        public IReadOnlyList<string> MissingStandardCmdlets { get; }

        private static bool IsRepositoryScript(string name) =>
            (name.StartsWith("./", StringComparison.Ordinal) || name.StartsWith(".\\", StringComparison.Ordinal))
            && File.Exists(Path.Combine(ModuleManifestTests.RepositoryRoot(), name.Substring(2)));

        public static CommandCheck Of(string code, PowerShellSession session)
        {
            var ast = Parser.ParseInput(code, out _, out var parseErrors);
            var problems = parseErrors.Select(e => "line " + e.Extent.StartLineNumber + ": " + e.Message).ToList();
            var missing = new List<string>();
            foreach (var command in ast.FindAll(a => a is CommandAst, true).Cast<CommandAst>())
            {
                var name = command.GetCommandName();
                if (name == null)
                {
                    continue;
                }

                var found = session.Run(Describe, new Dictionary<string, object?> { ["name"] = name }).Output.FirstOrDefault();
                if (found == null && IsRepositoryScript(name))
                {
                    // ./build.ps1 and the like: the script exists (ScriptParsingTests parses every script in the repository).
                    continue;
                }

                if (found == null)
                {
                    if (StandardCmdletsMissingFromTheEngine.Contains(name))
                    {
                        missing.Add(name);
                    }
                    else
                    {
                        problems.Add($"'{name}' is not a command of PSRemoteLinks or PowerShell (if it is a standard cmdlet the test engine lacks, list it in CommandCheck).");
                    }

                    continue;
                }

                if (found.Properties["Module"].Value as string == "PSRemoteLinks")
                {
                    var parameters = ((object[])found.Properties["Parameters"].Value).Select(p => p.ToString()!).ToList();
                    problems.AddRange(UnknownParameters(name, command, parameters));
                }
            }

            return new CommandCheck(ast, problems, missing.Distinct(StringComparer.OrdinalIgnoreCase).ToList());
        }

        /// <summary>Each -Name must be a parameter or alias of the command, in full or as an unambiguous prefix, as the binder takes it.</summary>
        private static IEnumerable<string> UnknownParameters(string command, CommandAst ast, IReadOnlyList<string> parameters)
        {
            foreach (var parameter in ast.CommandElements.OfType<CommandParameterAst>())
            {
                var name = parameter.ParameterName;
                var exact = parameters.Any(p => string.Equals(p, name, StringComparison.OrdinalIgnoreCase));
                var prefixed = parameters.Where(p => p.StartsWith(name, StringComparison.OrdinalIgnoreCase)).Distinct(StringComparer.OrdinalIgnoreCase).Count();
                if (!exact && prefixed != 1)
                {
                    yield return $"{command} has no parameter -{name} (line {parameter.Extent.StartLineNumber}).";
                }
            }
        }
    }
}
