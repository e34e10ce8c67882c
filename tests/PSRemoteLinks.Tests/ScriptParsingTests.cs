using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Management.Automation;
using System.Management.Automation.Language;
using PSRemoteLinks.EngineHost;
using Xunit;

namespace PSRemoteLinks.Tests
{
    /// <summary>
    /// There is no pwsh here, so the scripts (build.ps1, the Pester suite, the manifest) are checked through the
    /// engine's parser and the imported module: they parse, they keep to what Windows PowerShell 5.1 understands,
    /// and the Pester suite covers every cmdlet and calls only commands and parameters that exist.
    /// </summary>
    public class ScriptParsingTests
    {
        private static readonly string Root = ModuleManifestTests.RepositoryRoot();

        private static readonly string PesterFolder = Path.Combine(Root, "tests", "Pester");

        /// <summary>Build output and tool state, never source.</summary>
        private static readonly HashSet<string> SkippedFolders = new(StringComparer.OrdinalIgnoreCase) { "bin", "obj", "out", ".git", ".vs", "TestResults" };

        /// <summary>Pester's own commands. Utility and Management cmdlets are missing from the hosted engine too: name them here when the suite starts using one.</summary>
        private static readonly HashSet<string> PesterCommands = new(StringComparer.OrdinalIgnoreCase)
        {
            "Describe", "Context", "It", "BeforeAll", "AfterAll", "BeforeEach", "AfterEach", "Should", "Invoke-Pester", "New-PesterConfiguration",
        };

        /// <summary>Scripts that must run in the xunit suite's hosted engine, which has the engine's core commands only.</summary>
        private static readonly string[] CoreOnlyScripts = { Path.Combine(Root, "build.ps1"), Path.Combine(PesterFolder, "TestEmulator.ps1") };

        [Fact]
        public void Every_PowerShell_file_in_the_repository_parses_without_errors()
        {
            var files = RepositoryScripts();

            Assert.Contains(Path.Combine(Root, "build.ps1"), files);
            Assert.Contains(Path.Combine(Root, "PSRemoteLinks.psd1"), files);
            Assert.Contains(Path.Combine(PesterFolder, "TestHelpers.ps1"), files);
            var problems = files.SelectMany(file => Parse(file).Errors.Select(e => Where(file, e.Extent) + e.Message)).ToList();
            Assert.True(problems.Count == 0, string.Join(Environment.NewLine, problems));
        }

        [Fact]
        public void Scripts_use_no_syntax_or_variable_that_Windows_PowerShell_5_1_lacks()
        {
            var problems = RepositoryScripts()
                .Where(f => !f.EndsWith(".psd1", StringComparison.OrdinalIgnoreCase))
                .SelectMany(file => NewerThanWindowsPowerShell(Parse(file).Ast).Select(found => Where(file, found.Extent) + found.What))
                .ToList();

            Assert.True(problems.Count == 0, "Windows PowerShell 5.1 cannot run these:" + Environment.NewLine + string.Join(Environment.NewLine, problems));
        }

        [Fact]
        public void The_check_for_newer_syntax_finds_each_kind()
        {
            const string newer = "$a = $b ? 1 : 2; $c ?? 3; $d ??= 4; ${e}?.Name; ${f}?[0]; git pull && git push; if ($IsWindows) { }; 1..3 | ForEach-Object -Parallel { $_ }; function g { clean { } }";

            var found = NewerThanWindowsPowerShell(Parser.ParseInput(newer, out _, out _)).Select(f => f.What).ToList();

            Assert.Equal(9, found.Count);
        }

        [Fact]
        public void Every_exported_cmdlet_has_its_own_Pester_file_with_a_Describe_block_named_after_it()
        {
            var cmdlets = ExportedCmdlets();
            var testFiles = Directory.GetFiles(PesterFolder, "*.Tests.ps1").Select(Path.GetFileName).OrderBy(f => f, StringComparer.Ordinal);

            Assert.Equal(cmdlets.Select(c => c + ".Tests.ps1").OrderBy(f => f, StringComparer.Ordinal), testFiles);
            foreach (var cmdlet in cmdlets)
            {
                var file = Path.Combine(PesterFolder, cmdlet + ".Tests.ps1");
                var described = Commands(Parse(file).Ast).Where(c => Is(c, "Describe")).Select(FirstArgument).ToList();
                Assert.True(described.Contains(cmdlet), $"{file} has no Describe '{cmdlet}' (it describes: {string.Join(", ", described)}).");
                Assert.True(Commands(Parse(file).Ast).Any(c => Is(c, cmdlet)), $"{file} never calls {cmdlet}.");
            }
        }

        [Fact]
        public void Every_command_and_parameter_the_Pester_suite_uses_exists()
        {
            using var shell = PowerShellSession.Create(ModuleLocation.PublishedManifest);
            var moduleCommands = shell.Run("Get-Command -Module PSRemoteLinks").Output
                .Select(o => (CommandInfo)o.BaseObject)
                .ToDictionary(c => c.Name, StringComparer.OrdinalIgnoreCase);
            var engineCommands = EngineCommands(shell);
            var scripts = Directory.GetFiles(PesterFolder, "*.ps1").ToDictionary(f => f, f => Parse(f).Ast);
            var suiteFunctions = scripts.Values.SelectMany(DefinedFunctions).ToHashSet(StringComparer.OrdinalIgnoreCase);
            Assert.Equal(13, moduleCommands.Count);

            var problems = new List<string>();
            var used = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
            foreach (var (file, ast) in scripts)
            {
                foreach (var command in CommandsIncludingNewSessionScripts(ast))
                {
                    var name = command.GetCommandName();
                    if (name == null)
                    {
                        continue; // & $variable: resolved at run time
                    }

                    if (moduleCommands.TryGetValue(name, out var info))
                    {
                        used.Add(info.Name);
                        problems.AddRange(UnknownParameters(command, info).Select(p => Where(file, p.Extent) + $"{name} has no parameter -{p.ParameterName} (use full parameter names)."));
                    }
                    else if (!suiteFunctions.Contains(name) && !engineCommands.Contains(name) && !PesterCommands.Contains(name))
                    {
                        problems.Add(Where(file, command.Extent) + $"'{name}' is neither a PSRemoteLinks cmdlet, a function of the suite, an engine command nor Pester's: renamed or misspelt?");
                    }
                }
            }

            Assert.True(problems.Count == 0, string.Join(Environment.NewLine, problems));
            Assert.Equal(moduleCommands.Keys.OrderBy(k => k, StringComparer.Ordinal), used.OrderBy(k => k, StringComparer.Ordinal));
        }

        [Fact]
        public void The_command_check_catches_a_renamed_cmdlet_and_a_misspelt_parameter()
        {
            using var shell = PowerShellSession.Create(ModuleLocation.PublishedManifest);
            var info = (CommandInfo)shell.Run("Get-Command Get-RemoteIssueLink").Output.Single().BaseObject;
            var ast = Parser.ParseInput("Get-RemoteIssueLink -Issue A-1 -Conection $c -ErrorAction Stop -Confirm:$false; Get-RemoteIssueLinks -Issue A-1", out _, out _);

            var commands = Commands(ast).ToList();

            Assert.Equal(new[] { "Conection", "Confirm" }, UnknownParameters(commands[0], info).Select(p => p.ParameterName));
            Assert.DoesNotContain("Get-RemoteIssueLinks", EngineCommands(shell));
        }

        [Fact]
        public void The_build_script_and_the_emulator_starter_use_only_the_engines_core_commands()
        {
            using var shell = PowerShellSession.Create();
            var engineCommands = EngineCommands(shell);
            var problems = new List<string>();
            foreach (var file in CoreOnlyScripts)
            {
                var ast = Parse(file).Ast;
                var own = CoreOnlyScripts.SelectMany(f => DefinedFunctions(Parse(f).Ast)).ToHashSet(StringComparer.OrdinalIgnoreCase);
                problems.AddRange(Commands(ast)
                    .Where(c => c.GetCommandName() is string name && !own.Contains(name) && !engineCommands.Contains(name))
                    .Select(c => Where(file, c.Extent) + $"'{c.GetCommandName()}' is not a core engine command; use .NET instead so the xunit suite can run this script."));
            }

            Assert.True(problems.Count == 0, string.Join(Environment.NewLine, problems));
        }

        internal static IReadOnlyList<string> RepositoryScripts()
        {
            var found = new List<string>();
            var pending = new Stack<string>();
            pending.Push(Root);
            while (pending.Count > 0)
            {
                var folder = pending.Pop();
                found.AddRange(Directory.GetFiles(folder).Where(f => f.EndsWith(".ps1", StringComparison.OrdinalIgnoreCase)
                    || f.EndsWith(".psm1", StringComparison.OrdinalIgnoreCase) || f.EndsWith(".psd1", StringComparison.OrdinalIgnoreCase)));
                foreach (var child in Directory.GetDirectories(folder).Where(d => !SkippedFolders.Contains(Path.GetFileName(d))))
                {
                    pending.Push(child);
                }
            }

            return found.OrderBy(f => f, StringComparer.Ordinal).ToList();
        }

        private static (ScriptBlockAst Ast, ParseError[] Errors) Parse(string file)
        {
            var ast = Parser.ParseFile(file, out _, out var errors);
            return (ast, errors);
        }

        private static string Where(string file, IScriptExtent extent) => $"{Path.GetRelativePath(Root, file)}:{extent.StartLineNumber}: ";

        private static IEnumerable<CommandAst> Commands(Ast ast) => ast.FindAll(a => a is CommandAst, searchNestedScriptBlocks: true).Cast<CommandAst>();

        private static bool Is(CommandAst command, string name) => string.Equals(command.GetCommandName(), name, StringComparison.OrdinalIgnoreCase);

        /// <summary>The commands of a file, and of the script strings it hands to Invoke-InNewSession (TestHelpers.ps1).</summary>
        private static IEnumerable<CommandAst> CommandsIncludingNewSessionScripts(Ast ast)
        {
            foreach (var command in Commands(ast))
            {
                yield return command;
                if (!Is(command, "Invoke-InNewSession"))
                {
                    continue;
                }

                foreach (var script in command.CommandElements.OfType<StringConstantExpressionAst>().Skip(1))
                {
                    foreach (var inner in Commands(Parser.ParseInput(script.Value, out _, out _)))
                    {
                        yield return inner;
                    }
                }
            }
        }

        private static IEnumerable<string> DefinedFunctions(Ast ast) =>
            ast.FindAll(a => a is FunctionDefinitionAst, searchNestedScriptBlocks: true).Cast<FunctionDefinitionAst>().Select(f => f.Name);

        /// <summary>The first argument of a command, e.g. the name in Describe 'Name' { } or Describe -Name 'Name' { }.</summary>
        private static string? FirstArgument(CommandAst command)
        {
            var elements = command.CommandElements.Skip(1).ToList();
            if (elements.Count > 1 && elements[0] is CommandParameterAst { ParameterName: var parameter, Argument: null }
                && string.Equals(parameter, "Name", StringComparison.OrdinalIgnoreCase))
            {
                elements.RemoveAt(0);
            }

            return elements.FirstOrDefault() is StringConstantExpressionAst name ? name.Value : null;
        }

        private static IEnumerable<CommandParameterAst> UnknownParameters(CommandAst command, CommandInfo info) =>
            command.CommandElements.OfType<CommandParameterAst>().Where(p => !info.Parameters.Values.Any(m =>
                string.Equals(m.Name, p.ParameterName, StringComparison.OrdinalIgnoreCase)
                || m.Aliases.Contains(p.ParameterName, StringComparer.OrdinalIgnoreCase)));

        private static HashSet<string> EngineCommands(PowerShellSession shell) =>
            shell.Run("Get-Command -CommandType Cmdlet, Alias, Function").Output
                .Select(o => ((CommandInfo)o.BaseObject).Name)
                .ToHashSet(StringComparer.OrdinalIgnoreCase);

        private static List<string> ExportedCmdlets() => ((object[])PublishedModule.Manifest()["CmdletsToExport"]!).Cast<string>().ToList();

        private static IEnumerable<(string What, IScriptExtent Extent)> NewerThanWindowsPowerShell(Ast ast)
        {
            foreach (var node in ast.FindAll(_ => true, searchNestedScriptBlocks: true))
            {
                var what = node switch
                {
                    TernaryExpressionAst => "the ternary operator (PowerShell 7)",
                    PipelineChainAst => "&& or || between pipelines (PowerShell 7)",
                    BinaryExpressionAst { Operator: TokenKind.QuestionQuestion } => "the ?? operator (PowerShell 7)",
                    AssignmentStatementAst { Operator: TokenKind.QuestionQuestionEquals } => "the ??= operator (PowerShell 7)",
                    MemberExpressionAst { NullConditional: true } => "?. member access (PowerShell 7.1)",
                    IndexExpressionAst { NullConditional: true } => "?[] indexing (PowerShell 7.1)",
                    NamedBlockAst { BlockKind: TokenKind.Clean } => "a clean block (PowerShell 7.3)",
                    VariableExpressionAst v when v.VariablePath.UserPath is "IsWindows" or "IsLinux" or "IsMacOS" or "IsCoreCLR" =>
                        "$" + v.VariablePath.UserPath + " (undefined in Windows PowerShell 5.1, an error under strict mode)",
                    CommandAst c when c.GetCommandName() is "ForEach-Object" or "%" or "foreach"
                        && c.CommandElements.OfType<CommandParameterAst>().Any(p => p.ParameterName.StartsWith("Pa", StringComparison.OrdinalIgnoreCase)) =>
                        "ForEach-Object -Parallel (PowerShell 7)",
                    _ => null,
                };
                if (what != null)
                {
                    yield return (what, node.Extent);
                }
            }
        }
    }
}
