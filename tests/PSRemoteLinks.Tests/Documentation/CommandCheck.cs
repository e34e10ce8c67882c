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
    /// and their parameters must exist; a command of a module that pwsh ships beside the engine makes the block run
    /// in real pwsh only (tests/PwshExamples); anything else is an unknown command (a typo), never skipped.
    /// </summary>
    public sealed class CommandCheck
    {
        /// <summary>
        /// Commands of the modules pwsh ships in $PSHOME/Modules that the hosted engine (Microsoft.PowerShell.SDK)
        /// does not carry: PowerShellGet, Microsoft.PowerShell.PSResourceGet, Microsoft.PowerShell.ThreadJob.
        /// </summary>
        public static readonly IReadOnlyCollection<string> ShippedModuleCommands = new HashSet<string>(StringComparer.OrdinalIgnoreCase)
        {
            "Install-Module", "Update-Module", "Find-Module", "Save-Module",
            "Install-PSResource", "Publish-PSResource", "Save-PSResource", "Find-PSResource", "Update-PSResource",
            "Register-PSResourceRepository", "Unregister-PSResourceRepository", "Get-InstalledPSResource",
            "Start-ThreadJob",
        };

        private const string Describe = @"
$command = Get-Command -Name $name -ErrorAction SilentlyContinue | Where-Object CommandType -ne 'Application' | ForEach-Object { $_ }
if ($command) {
    [pscustomobject]@{
        Module = $command.ModuleName
        Parameters = @($command.Parameters.Values | ForEach-Object { $_.Name; $_.Aliases })
    }
}";

        private CommandCheck(ScriptBlockAst ast, IReadOnlyList<string> problems, IReadOnlyList<string> realPwshOnly)
        {
            Ast = ast;
            Problems = problems;
            RealPwshOnlyCommands = realPwshOnly;
        }

        public ScriptBlockAst Ast { get; }

        /// <summary>Parse errors, unknown commands, and PSRemoteLinks parameters that do not exist.</summary>
        public IReadOnlyList<string> Problems { get; }

        /// <summary>The block's commands from <see cref="ShippedModuleCommands"/>: it runs in real pwsh, not in the hosted engine.</summary>
        public IReadOnlyList<string> RealPwshOnlyCommands { get; }

        public bool RunsInHostedEngine => RealPwshOnlyCommands.Count == 0;

        private static bool IsRepositoryScript(string name) =>
            (name.StartsWith("./", StringComparison.Ordinal) || name.StartsWith(".\\", StringComparison.Ordinal))
            && File.Exists(Path.Combine(ModuleManifestTests.RepositoryRoot(), name.Substring(2)));

        public static CommandCheck Of(string code, PowerShellSession session)
        {
            var ast = Parser.ParseInput(code, out _, out var parseErrors);
            var problems = parseErrors.Select(e => "line " + e.Extent.StartLineNumber + ": " + e.Message).ToList();
            var realPwshOnly = new List<string>();
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
                    if (ShippedModuleCommands.Contains(name))
                    {
                        realPwshOnly.Add(name);
                    }
                    else
                    {
                        problems.Add($"'{name}' is not a command of PSRemoteLinks or PowerShell (a command of a module pwsh ships beside the engine goes in CommandCheck.ShippedModuleCommands).");
                    }

                    continue;
                }

                if (found.Properties["Module"].Value as string == "PSRemoteLinks")
                {
                    var parameters = ((object[])found.Properties["Parameters"].Value).Select(p => p.ToString()!).ToList();
                    problems.AddRange(UnknownParameters(name, command, parameters));
                }
            }

            return new CommandCheck(ast, problems, realPwshOnly.Distinct(StringComparer.OrdinalIgnoreCase).ToList());
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
