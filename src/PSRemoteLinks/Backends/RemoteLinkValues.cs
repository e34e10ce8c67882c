using System.Collections.Generic;
using System.Linq;

namespace PSRemoteLinks.Backends
{
    /// <summary>
    /// The fields a user named, with their values. A field that is absent is "leave as is"; a field present
    /// with null or an empty string is "clear it". A field can be marked as taken from a piped object's property
    /// rather than typed: a backend ignores such a field when its service has no such thing (a Tracker link piped
    /// into New-RemoteIssueLink carries ApplicationName, which describes it but is not something Tracker sets).
    /// </summary>
    internal sealed class RemoteLinkValues
    {
        private readonly Dictionary<RemoteLinkField, object?> _values = new Dictionary<RemoteLinkField, object?>();
        private readonly HashSet<RemoteLinkField> _piped = new HashSet<RemoteLinkField>();

        public IEnumerable<RemoteLinkField> Fields => _values.Keys;

        public bool Has(RemoteLinkField field) => _values.ContainsKey(field);

        public string? Text(RemoteLinkField field) => _values.TryGetValue(field, out var value) ? value as string : null;

        public bool? Flag(RemoteLinkField field) => _values.TryGetValue(field, out var value) ? value as bool? : null;

        public RemoteLinkValues Set(RemoteLinkField field, object? value)
        {
            _values[field] = value;
            return this;
        }

        public RemoteLinkValues SetPiped(RemoteLinkField field, object? value)
        {
            _values[field] = value;
            _piped.Add(field);
            return this;
        }

        /// <summary>True when the value came from a piped object's property, not from the command line.</summary>
        public bool IsPiped(RemoteLinkField field) => _piped.Contains(field);

        public RemoteLinkValues Without(RemoteLinkField field)
        {
            var copy = new RemoteLinkValues();
            foreach (var pair in _values)
            {
                if (pair.Key != field)
                {
                    copy._values[pair.Key] = pair.Value;
                    if (_piped.Contains(pair.Key))
                    {
                        copy._piped.Add(pair.Key);
                    }
                }
            }

            return copy;
        }

        public bool IsCleared(RemoteLinkField field) =>
            _values.TryGetValue(field, out var value) && (value == null || (value is string text && text.Length == 0));

        public IReadOnlyList<RemoteLinkField> Among(params RemoteLinkField[] fields) => fields.Where(Has).ToArray();
    }
}
