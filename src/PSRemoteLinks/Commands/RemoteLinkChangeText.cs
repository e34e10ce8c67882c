using System;
using System.Collections.Generic;
using System.Globalization;
using PSRemoteLinks.Backends;

namespace PSRemoteLinks.Commands
{
    /// <summary>Describes an update for -WhatIf and -Confirm: each named field with its old value (when known) and its new one.</summary>
    internal static class RemoteLinkChangeText
    {
        /// <param name="changes">The fields to change.</param>
        /// <param name="oldValue">The old value of a field as the piped link had it; known is false when there was no piped link.</param>
        public static string Describe(RemoteLinkValues changes, Func<string, (bool Known, object? Value)> oldValue)
        {
            var parts = new List<string>();
            foreach (var field in changes.Fields)
            {
                var name = field.ToString();
                var old = oldValue(name);
                var now = Show(field == RemoteLinkField.Resolved ? (object?)changes.Flag(field) : changes.Text(field));
                parts.Add(old.Known ? name + ": " + Show(old.Value) + " -> " + now : name + ": -> " + now);
            }

            return string.Join("; ", parts);
        }

        private static string Show(object? value)
        {
            switch (value)
            {
                case null:
                    return "$null";
                case bool flag:
                    return flag ? "$true" : "$false";
                default:
                    return "'" + Convert.ToString(value, CultureInfo.InvariantCulture)!.Replace("'", "''") + "'";
            }
        }
    }
}
