using System;
using System.Collections.Generic;
using System.Linq;

namespace PSRemoteLinks.Packaging;

/// <summary>
/// The package tags PowerShellGet writes for a module, by which the Gallery finds it: the manifest's own tags,
/// then PSModule, then PSIncludes_Cmdlet with PSCmdlet_&lt;name&gt; for each cmdlet (and the same for functions),
/// then PSCommand_&lt;name&gt; for every command.
/// </summary>
public static class GalleryTags
{
    public static IReadOnlyList<string> For(ModuleManifest manifest)
    {
        ArgumentNullException.ThrowIfNull(manifest);
        var tags = new List<string>();
        Add(tags, manifest.Tags);
        Add(tags, "PSModule");
        if (manifest.Cmdlets.Count > 0)
        {
            Add(tags, "PSIncludes_Cmdlet");
            Add(tags, manifest.Cmdlets.Select(name => "PSCmdlet_" + name));
        }

        if (manifest.Functions.Count > 0)
        {
            Add(tags, "PSIncludes_Function");
            Add(tags, manifest.Functions.Select(name => "PSFunction_" + name));
        }

        Add(tags, manifest.Cmdlets.Concat(manifest.Functions).Select(name => "PSCommand_" + name));
        return tags;
    }

    // Tags are space-separated in the nuspec: a tag is never blank, never has a space, never repeats.
    private static void Add(List<string> tags, params IEnumerable<string> more)
    {
        foreach (var tag in more.Select(t => t.Trim()))
        {
            if (tag.Length == 0 || tag.Any(char.IsWhiteSpace))
            {
                throw new InvalidOperationException($"The tag '{tag}' cannot be a package tag: tags are single words.");
            }

            if (!tags.Contains(tag, StringComparer.OrdinalIgnoreCase))
            {
                tags.Add(tag);
            }
        }
    }
}
