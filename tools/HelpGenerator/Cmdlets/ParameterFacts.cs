using System;
using System.Collections;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Management.Automation;

namespace PSRemoteLinks.HelpGenerator.Cmdlets;

/// <summary>
/// The facts a parameter's ```yaml block must state, worded as Get-Help words them. Where a fact differs between
/// parameter sets it reads "True in Credential, PersonalAccessToken; False in CloudIdCredential".
/// </summary>
public static class ParameterFacts
{
    public const string Type = "Type";
    public const string ParameterSets = "Parameter Sets";
    public const string Aliases = "Aliases";
    public const string AcceptedValues = "Accepted values";
    public const string Required = "Required";
    public const string Position = "Position";
    public const string DefaultValue = "Default value";
    public const string PipelineInput = "Accept pipeline input";
    public const string Wildcards = "Accept wildcard characters";

    /// <summary>Every fact in the order the yaml block lists them; <see cref="AcceptedValues"/> only for a validated set.</summary>
    public static IReadOnlyList<string> Names(ParameterShape parameter)
    {
        ArgumentNullException.ThrowIfNull(parameter);
        var names = new List<string> { Type, ParameterSets, Aliases };
        if (parameter.AcceptedValues != null)
        {
            names.Add(AcceptedValues);
        }

        names.AddRange(new[] { Required, Position, DefaultValue, PipelineInput, Wildcards });
        return names;
    }

    /// <summary>What the compiled parameter says for each fact except the default value, which only a person can word.</summary>
    public static IReadOnlyDictionary<string, string> Derive(CmdletShape cmdlet, ParameterShape parameter)
    {
        ArgumentNullException.ThrowIfNull(cmdlet);
        ArgumentNullException.ThrowIfNull(parameter);
        var facts = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase)
        {
            [Type] = ShortTypeName(parameter.Type),
            [ParameterSets] = parameter.Uses.Count == cmdlet.Sets.Count ? "(All)" : string.Join(", ", parameter.Uses.Select(u => u.Set)),
            [Aliases] = parameter.Aliases.Count == 0 ? "None" : string.Join(", ", parameter.Aliases),
            [Required] = PerSet(parameter, u => u.Mandatory ? "True" : "False"),
            [Position] = PerSet(parameter, PositionText),
            [PipelineInput] = PerSet(parameter, PipelineText),
            [Wildcards] = parameter.Wildcards ? "True" : "False",
        };
        if (parameter.AcceptedValues != null)
        {
            facts[AcceptedValues] = string.Join(", ", parameter.AcceptedValues);
        }

        return facts;
    }

    /// <summary>
    /// The value a fresh cmdlet holds when it is worth stating (4, "OAuth", a default address), else null; a
    /// documented default must mention it.
    /// </summary>
    public static string? InitialValueText(ParameterShape parameter)
    {
        ArgumentNullException.ThrowIfNull(parameter);
        switch (parameter.Default)
        {
            case null:
            case SwitchParameter:
            case bool:
            case string { Length: 0 }:
            case ICollection { Count: 0 }:
                return null;
            case Uri uri:
                return uri.OriginalString.TrimEnd('/');
            case IConvertible number when number.GetTypeCode() is >= TypeCode.SByte and <= TypeCode.Decimal:
                return Convert.ToDecimal(number, CultureInfo.InvariantCulture) == 0 ? null : number.ToString(CultureInfo.InvariantCulture);
            default:
                return Convert.ToString(parameter.Default, CultureInfo.InvariantCulture);
        }
    }

    public static bool IsMandatoryEverywhere(ParameterShape parameter) => parameter.Uses.All(u => u.Mandatory);

    public static string PositionText(SetUse use)
    {
        ArgumentNullException.ThrowIfNull(use);
        return use.Position?.ToString(CultureInfo.InvariantCulture) ?? "Named";
    }

    public static string PipelineText(SetUse use)
    {
        ArgumentNullException.ThrowIfNull(use);
        return (use.ByValue, use.ByPropertyName) switch
        {
            (true, true) => "True (ByValue, ByPropertyName)",
            (true, false) => "True (ByValue)",
            (false, true) => "True (ByPropertyName)",
            _ => "False",
        };
    }

    public static string ShortTypeName(System.Type type) => TypeName(type, t => t.Name);

    public static string FullTypeName(System.Type type) => TypeName(type, t => t.FullName ?? t.Name);

    /// <summary>An array as its element's name plus "[]", a nullable as its underlying type's name.</summary>
    private static string TypeName(System.Type type, Func<System.Type, string> name)
    {
        ArgumentNullException.ThrowIfNull(type);
        if (type.IsArray)
        {
            return TypeName(type.GetElementType()!, name) + "[]";
        }

        return Nullable.GetUnderlyingType(type) is { } inner ? TypeName(inner, name) : name(type);
    }

    /// <summary>One value when every set agrees, else "value in SetA, SetB; other in SetC" in set order.</summary>
    public static string PerSet(ParameterShape parameter, Func<SetUse, string> fact)
    {
        ArgumentNullException.ThrowIfNull(parameter);
        ArgumentNullException.ThrowIfNull(fact);
        var groups = parameter.Uses.GroupBy(fact).ToList();
        return groups.Count == 1
            ? groups[0].Key
            : string.Join("; ", groups.Select(g => g.Key + " in " + string.Join(", ", g.Select(u => u.Set))));
    }
}
