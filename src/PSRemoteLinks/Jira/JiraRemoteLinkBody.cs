using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text.Json;
using System.Text.Json.Nodes;
using PSRemoteLinks.Backends;
using PSRemoteLinks.Http;

namespace PSRemoteLinks.Jira
{
    /// <summary>
    /// Writes remote-link fields into Jira's request shape. Set works on the link as Jira stored it (every field,
    /// known or not), so the PUT, which nulls whatever it omits, carries everything the user did not change.
    /// </summary>
    internal static class JiraRemoteLinkBody
    {
        private static readonly Dictionary<RemoteLinkField, string[]> Paths = new Dictionary<RemoteLinkField, string[]>
        {
            [RemoteLinkField.Url] = new[] { "object", "url" },
            [RemoteLinkField.Title] = new[] { "object", "title" },
            [RemoteLinkField.Summary] = new[] { "object", "summary" },
            [RemoteLinkField.GlobalId] = new[] { "globalId" },
            [RemoteLinkField.Relationship] = new[] { "relationship" },
            [RemoteLinkField.IconUrl] = new[] { "object", "icon", "url16x16" },
            [RemoteLinkField.IconTitle] = new[] { "object", "icon", "title" },
            [RemoteLinkField.ApplicationType] = new[] { "application", "type" },
            [RemoteLinkField.ApplicationName] = new[] { "application", "name" },
            [RemoteLinkField.Resolved] = new[] { "object", "status", "resolved" },
            [RemoteLinkField.StatusIconUrl] = new[] { "object", "status", "icon", "url16x16" },
            [RemoteLinkField.StatusIconTitle] = new[] { "object", "status", "icon", "title" },
            [RemoteLinkField.StatusIconLink] = new[] { "object", "status", "icon", "link" },
        };

        private static readonly RemoteLinkField[] TrackerOnly = { RemoteLinkField.Key, RemoteLinkField.Origin, RemoteLinkField.Backlink };

        /// <summary>The body of a create: only what was given.</summary>
        public static byte[] ForCreate(RemoteLinkValues values)
        {
            Validate(values, creating: true);
            // "Not resolved" with no status icon is what a link without a status means; a link piped from
            // Get-RemoteIssueLink carries Resolved = false, and copying it should not invent a status.
            var statusIcon = values.Among(RemoteLinkField.StatusIconUrl, RemoteLinkField.StatusIconTitle, RemoteLinkField.StatusIconLink);
            if (values.Flag(RemoteLinkField.Resolved) == false && statusIcon.All(values.IsCleared))
            {
                values = values.Without(RemoteLinkField.Resolved);
            }

            var root = new JsonObject();
            Apply(root, values);
            return Serialize(root);
        }

        /// <summary>The body of an update: the stored link (as JSON) with the given fields changed.</summary>
        public static byte[] ForUpdate(ApiResponse stored, RemoteLinkValues changes)
        {
            Validate(changes, creating: false);
            if (!(JsonNode.Parse(stored.Body) is JsonObject root))
            {
                throw new ApiException(ApiErrorKind.InvalidResponse, "InvalidResponse",
                    "Jira's answer to " + stored.Method + " " + stored.Path + " is not a remote link object; the link was not changed.");
            }

            // Read-only parts of the answer are not part of the request shape.
            root.Remove("id");
            root.Remove("self");
            Apply(root, changes);
            return Serialize(root);
        }

        /// <summary>Refuses, before any request, changes Jira cannot take (Tracker's fields, clearing a required field).</summary>
        public static void CheckChanges(RemoteLinkValues changes) => Validate(changes, creating: false);

        private static void Validate(RemoteLinkValues values, bool creating)
        {
            var trackerFields = values.Among(TrackerOnly);
            if (trackerFields.Count > 0)
            {
                throw ApiException.InvalidInput(
                    "-" + string.Join(", -", trackerFields) + " apply to Yandex Tracker external links; a Jira remote link takes -Url and -Title.");
            }

            foreach (var required in new[] { RemoteLinkField.Url, RemoteLinkField.Title })
            {
                if ((creating && !values.Has(required)) || values.IsCleared(required))
                {
                    throw ApiException.InvalidInput("Jira requires a remote link's -" + required + "; it cannot be empty.");
                }
            }

            var globalId = values.Text(RemoteLinkField.GlobalId);
            if (globalId != null && globalId.Length > RemoteLinkLimits.MaxGlobalIdLength)
            {
                throw ApiException.InvalidInput("-GlobalId is " + globalId.Length + " characters long; Jira accepts at most " + RemoteLinkLimits.MaxGlobalIdLength + ".");
            }
        }

        private static void Apply(JsonObject root, RemoteLinkValues values)
        {
            foreach (var field in values.Fields)
            {
                if (!Paths.TryGetValue(field, out var path))
                {
                    continue;
                }

                var parent = root;
                for (var i = 0; i < path.Length - 1; i++)
                {
                    if (!(parent[path[i]] is JsonObject child))
                    {
                        child = new JsonObject();
                        parent[path[i]] = child;
                    }

                    parent = child;
                }

                var leaf = path[path.Length - 1];
                if (values.IsCleared(field))
                {
                    parent.Remove(leaf);
                }
                else if (field == RemoteLinkField.Resolved)
                {
                    parent[leaf] = values.Flag(field) ?? false;
                }
                else
                {
                    parent[leaf] = values.Text(field);
                }
            }

            PruneEmpty(root);
        }

        // Clearing every field of an icon or status leaves an empty object; Jira stores nothing for it either way.
        private static void PruneEmpty(JsonObject node)
        {
            foreach (var name in node.Select(p => p.Key).ToList())
            {
                if (node[name] is JsonObject child && name != "object")
                {
                    PruneEmpty(child);
                    if (child.Count == 0)
                    {
                        node.Remove(name);
                    }
                }
                else if (node[name] is JsonObject objectNode)
                {
                    PruneEmpty(objectNode);
                }
            }
        }

        private static byte[] Serialize(JsonObject root)
        {
            using var stream = new MemoryStream();
            using (var writer = new Utf8JsonWriter(stream))
            {
                root.WriteTo(writer);
            }

            return stream.ToArray();
        }
    }
}
