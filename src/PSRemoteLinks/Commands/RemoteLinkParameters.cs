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

        /// <param name="bound">The bound parameters of the current record.</param>
        /// <param name="typed">
        /// The parameters the user named, typed or as a script block (null: all of them). Any other bound field came
        /// from a piped object's property: an empty one is left out (the source has no such value, which for a new
        /// link is the same as not giving it) and the rest are marked as piped.
        /// </param>
        public static RemoteLinkValues From(IDictionary<string, object?> bound, ICollection<string>? typed = null)
        {
            var values = new RemoteLinkValues();
            foreach (var field in AllFields)
            {
                if (!bound.TryGetValue(field.ToString(), out var value))
                {
                    continue;
                }

                value = Unwrap(value);
                if (typed == null || typed.Contains(field.ToString()))
                {
                    values.Set(field, value);
                }
                else if (value != null && !(value is string text && text.Length == 0))
                {
                    values.SetPiped(field, value);
                }
            }

            return values;
        }

        /// <summary>Only the fields the user named (typed, or a script block's result for this item); no other bound value counts.</summary>
        public static RemoteLinkValues Named(IDictionary<string, object?> bound, ICollection<string> named)
        {
            var values = new RemoteLinkValues();
            foreach (var field in AllFields)
            {
                if (named.Contains(field.ToString()) && bound.TryGetValue(field.ToString(), out var value))
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
