using System;
using System.Collections.Generic;

namespace PSRemoteLinks.HelpGenerator.Cmdlets;

/// <summary>A compiled cmdlet as PowerShell binds it: its parameter sets (default first) and parameters.</summary>
public sealed record CmdletShape(
    string Name,
    string Verb,
    string Noun,
    IReadOnlyList<string> Sets,
    IReadOnlyList<ParameterShape> Parameters,
    bool SupportsShouldProcess,
    IReadOnlyList<Type> OutputTypes,
    Type ImplementingType)
{
    /// <summary>The name PowerShell gives the only set of a cmdlet that declares none.</summary>
    public const string AllSets = "__AllParameterSets";
}

/// <summary>
/// One parameter. <see cref="DeclaredBy"/> is the class that declares it (a shared base class for -Connection),
/// or null for -WhatIf and -Confirm, which the engine adds. <see cref="Default"/> is the value a fresh cmdlet
/// object holds.
/// </summary>
public sealed record ParameterShape(
    string Name,
    Type Type,
    Type? DeclaredBy,
    IReadOnlyList<string> Aliases,
    IReadOnlyList<SetUse> Uses,
    bool Wildcards,
    IReadOnlyList<string>? AcceptedValues,
    object? Default)
{
    public bool IsSwitch => Type == typeof(System.Management.Automation.SwitchParameter);
}

/// <summary>How a parameter behaves in one parameter set; a null position means named only.</summary>
public sealed record SetUse(string Set, bool Mandatory, int? Position, bool ByValue, bool ByPropertyName);
