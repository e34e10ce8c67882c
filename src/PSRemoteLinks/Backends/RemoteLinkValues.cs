using System.Collections.Generic;
using System.Linq;

namespace PSRemoteLinks.Backends
{
    /// <summary>
    /// The fields a user named, with their values. A field that is absent is "leave as is"; a field present
    /// with null or an empty string is "clear it".
    /// </summary>
    internal sealed class RemoteLinkValues
    {
        private readonly Dictionary<RemoteLinkField, object?> _values = new Dictionary<RemoteLinkField, object?>();

        public IEnumerable<RemoteLinkField> Fields => _values.Keys;

        public bool Has(RemoteLinkField field) => _values.ContainsKey(field);

        public string? Text(RemoteLinkField field) => _values.TryGetValue(field, out var value) ? value as string : null;

        public bool? Flag(RemoteLinkField field) => _values.TryGetValue(field, out var value) ? value as bool? : null;

        public object? Value(RemoteLinkField field) => _values.TryGetValue(field, out var value) ? value : null;

        public RemoteLinkValues Set(RemoteLinkField field, object? value)
        {
            _values[field] = value;
            return this;
        }

        public RemoteLinkValues Without(RemoteLinkField field)
        {
            var copy = new RemoteLinkValues();
            foreach (var pair in _values)
            {
                if (pair.Key != field)
                {
                    copy._values[pair.Key] = pair.Value;
                }
            }

            return copy;
        }

        public bool IsCleared(RemoteLinkField field) =>
            _values.TryGetValue(field, out var value) && (value == null || (value is string text && text.Length == 0));

        public IReadOnlyList<RemoteLinkField> Among(params RemoteLinkField[] fields) => fields.Where(Has).ToArray();
    }
}
