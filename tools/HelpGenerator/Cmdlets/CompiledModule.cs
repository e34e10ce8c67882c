using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Management.Automation;
using System.Reflection;
using System.Runtime.Loader;

namespace PSRemoteLinks.HelpGenerator.Cmdlets;

/// <summary>
/// Reads the cmdlets of a built module assembly through the engine's own <see cref="CommandMetadata"/>, so the
/// help is checked against exactly what PowerShell binds. The assembly is loaded into its own load context, so
/// this works beside another copy of the module (the engine-hosted tests) in the same process.
/// </summary>
public static class CompiledModule
{
    private static readonly string[] ShouldProcessAliases = { "wi", "cf" };

    public static IReadOnlyList<CmdletShape> Read(string assemblyPath)
    {
        var context = new ModuleLoadContext(Path.GetFullPath(assemblyPath));
        Assembly assembly = context.LoadFromAssemblyPath(Path.GetFullPath(assemblyPath));
        return assembly.GetExportedTypes()
            .Where(t => !t.IsAbstract && typeof(Cmdlet).IsAssignableFrom(t) && t.GetCustomAttribute<CmdletAttribute>() != null)
            .Select(Describe)
            .OrderBy(c => c.Name, StringComparer.Ordinal)
            .ToList();
    }

    private static CmdletShape Describe(Type type)
    {
        var attribute = type.GetCustomAttribute<CmdletAttribute>()!;
        var metadata = new CommandMetadata(type);
        var fresh = Activator.CreateInstance(type);
        // A parameter hidden with DontShow (a cmdlet's -InputObject that only receives the piped object) is not part
        // of the documented interface, as PowerShell's own help leaves it out.
        var declared = metadata.Parameters.Values.Where(p => !p.IsDynamic && !IsHidden(type, p)).ToList();

        var named = declared.SelectMany(p => p.ParameterSets.Keys).Where(s => s != CmdletShape.AllSets).Distinct().ToList();
        if (named.Count > 0 && attribute.DefaultParameterSetName is { Length: > 0 } defaultSet && defaultSet != CmdletShape.AllSets && !named.Contains(defaultSet))
        {
            // A default set that no parameter names is still a set PowerShell binds (its parameters are those of all sets).
            named.Add(defaultSet);
        }

        var sets = named.Count == 0
            ? new List<string> { CmdletShape.AllSets }
            : named.OrderBy(s => s == attribute.DefaultParameterSetName ? 0 : 1).ThenBy(s => s, StringComparer.Ordinal).ToList();

        var parameters = declared.Select(p => DescribeParameter(type, p, sets, fresh)).ToList();
        if (attribute.SupportsShouldProcess)
        {
            parameters.Add(ShouldProcessSwitch("WhatIf", ShouldProcessAliases[0], sets));
            parameters.Add(ShouldProcessSwitch("Confirm", ShouldProcessAliases[1], sets));
        }

        if (attribute.SupportsPaging)
        {
            // The engine adds these to a cmdlet with SupportsPaging, after everything else, in this order.
            parameters.Add(EngineParameter("IncludeTotalCount", typeof(SwitchParameter), sets, new SwitchParameter(false)));
            parameters.Add(EngineParameter("Skip", typeof(ulong), sets, 0UL));
            parameters.Add(EngineParameter("First", typeof(ulong), sets, null));
        }

        var outputs = type.GetCustomAttributes<OutputTypeAttribute>()
            .SelectMany(o => o.Type)
            .Select(t => t.Type)
            .Where(t => t != null)
            .Cast<Type>()
            .ToList();
        return new CmdletShape(
            attribute.VerbName + "-" + attribute.NounName, attribute.VerbName, attribute.NounName, sets, parameters,
            attribute.SupportsShouldProcess, outputs, type);
    }

    private static ParameterShape DescribeParameter(Type type, ParameterMetadata parameter, IReadOnlyList<string> sets, object? fresh)
    {
        var property = type.GetProperty(parameter.Name, BindingFlags.Public | BindingFlags.Instance)
            ?? throw new InvalidOperationException($"{type.Name}: parameter {parameter.Name} is not a public property.");
        var uses = new List<SetUse>();
        foreach (string set in sets)
        {
            if (parameter.ParameterSets.TryGetValue(set, out var use) || parameter.ParameterSets.TryGetValue(CmdletShape.AllSets, out use))
            {
                uses.Add(new SetUse(
                    set, use.IsMandatory, use.Position == int.MinValue ? null : use.Position, use.ValueFromPipeline,
                    use.ValueFromPipelineByPropertyName));
            }
        }

        var validateSet = property.GetCustomAttribute<ValidateSetAttribute>();
        return new ParameterShape(
            parameter.Name,
            parameter.ParameterType,
            property.DeclaringType,
            parameter.Aliases.ToList(),
            uses,
            property.GetCustomAttribute<SupportsWildcardsAttribute>() != null,
            validateSet?.ValidValues.ToList(),
            property.GetValue(fresh));
    }

    private static bool IsHidden(Type type, ParameterMetadata parameter)
    {
        var attributes = type.GetProperty(parameter.Name, BindingFlags.Public | BindingFlags.Instance)?.GetCustomAttributes<ParameterAttribute>().ToList();
        return attributes is { Count: > 0 } && attributes.All(a => a.DontShow);
    }

    private static ParameterShape ShouldProcessSwitch(string name, string alias, IReadOnlyList<string> sets) => new(
        name,
        typeof(SwitchParameter),
        null,
        new[] { alias },
        sets.Select(s => new SetUse(s, false, null, false, false)).ToList(),
        false,
        null,
        new SwitchParameter(false));

    private static ParameterShape EngineParameter(string name, Type type, IReadOnlyList<string> sets, object? initial) => new(
        name,
        type,
        null,
        Array.Empty<string>(),
        sets.Select(s => new SetUse(s, false, null, false, false)).ToList(),
        false,
        null,
        initial);

    /// <summary>
    /// Shares what the host already has (the engine, the runtime's System.Text.Json), so the attribute types seen
    /// here are the ones this tool compiled against; anything else comes from beside the module assembly.
    /// </summary>
    private sealed class ModuleLoadContext : AssemblyLoadContext
    {
        private readonly string _folder;

        public ModuleLoadContext(string assemblyPath)
            : base("PSRemoteLinks help check", isCollectible: false)
        {
            _folder = Path.GetDirectoryName(assemblyPath)!;
        }

        protected override Assembly? Load(AssemblyName assemblyName)
        {
            try
            {
                return Default.LoadFromAssemblyName(assemblyName);
            }
            catch (FileNotFoundException)
            {
                string candidate = Path.Combine(_folder, assemblyName.Name + ".dll");
                return File.Exists(candidate) ? LoadFromAssemblyPath(candidate) : null;
            }
        }
    }
}
