using System;
using System.Collections.Generic;
using System.Management.Automation;
using PSRemoteLinks.Backends;

namespace PSRemoteLinks.Commands
{
    /// <summary>Reads the remote-link fields a user named (parameter names equal field names) from the bound parameters.</summary>
    internal static class RemoteLinkParameters
    {
        private static readonly RemoteLinkField[] AllFields = (RemoteLinkField[])Enum.GetValues(typeof(RemoteLinkField));

        public static RemoteLinkValues From(IDictionary<string, object?> bound)
        {
            var values = new RemoteLinkValues();
            foreach (var field in AllFields)
            {
                if (bound.TryGetValue(field.ToString(), out var value))
                {
                    values.Set(field, Unwrap(value));
                }
            }

            return values;
        }

        public static string Describe(RemoteLinkValues values) => string.Join(", ", values.Fields);

        private static object? Unwrap(object? value)
        {
            if (value is SwitchParameter flag)
            {
                return flag.IsPresent;
            }

            if (value is PSObject wrapped)
            {
                return wrapped.BaseObject;
            }

            return value;
        }
    }
}
