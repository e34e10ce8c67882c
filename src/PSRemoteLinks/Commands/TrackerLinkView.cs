using System.Collections.Generic;
using System.Linq;
using System.Management.Automation;

namespace PSRemoteLinks.Commands
{
    /// <summary>
    /// A Tracker external link has no Title or Url but a Key in an application (Origin), so it is written with one
    /// more type name, which selects a table of those columns (PSRemoteLinks.Format.ps1xml). It is still a
    /// <see cref="RemoteIssueLink"/> to everything else: binding, <c>-is</c>, <c>Get-Member</c>'s properties.
    /// </summary>
    internal static class TrackerLinkView
    {
        public const string TypeName = "PSRemoteLinks.RemoteIssueLink#YandexTracker";

        public static object Tag(RemoteIssueLink link)
        {
            if (link.Connection?.Kind != TrackerKind.YandexTracker)
            {
                return link;
            }

            var wrapped = PSObject.AsPSObject(link);
            wrapped.TypeNames.Insert(0, TypeName);
            return wrapped;
        }

        public static IReadOnlyList<object> Tag(IEnumerable<RemoteIssueLink> links) => links.Select(Tag).ToList();
    }
}
