using System;
using System.Collections.Generic;
using System.Threading.Tasks;
using PSRemoteLinks.Http;

namespace PSRemoteLinks.Backends
{
    /// <summary>
    /// What a service can do with links. The cmdlets talk only to this; each backend hides its service's
    /// paths, JSON and quirks. A backend throws <see cref="ApiException"/> for every failure, including a
    /// request the service cannot do (before sending anything).
    /// </summary>
    internal interface ILinkBackend : IDisposable
    {
        TrackerKind Kind { get; }

        /// <summary>Called once by the connection that owns the backend, so output objects can point back to it.</summary>
        void Attach(IssueTrackerConnection connection);

        /// <summary>Checks the credentials; returns who the service says we are.</summary>
        Task<string> VerifyAsync(CallContext context);

        Task<IReadOnlyList<RemoteIssueLink>> GetRemoteLinksAsync(string issue, CallContext context);

        Task<RemoteIssueLink> GetRemoteLinkAsync(string issue, long id, CallContext context);

        Task<RemoteIssueLink> GetRemoteLinkByGlobalIdAsync(string issue, string globalId, CallContext context);

        /// <summary>Creates a link (on Jira with a globalId: creates or updates) and returns it as stored.</summary>
        Task<RemoteIssueLink> NewRemoteLinkAsync(string issue, RemoteLinkValues values, CallContext context);

        /// <summary>Changes only the given fields; every other field keeps its stored value.</summary>
        Task<RemoteIssueLink> UpdateRemoteLinkAsync(string issue, long id, RemoteLinkValues changes, CallContext context);

        Task RemoveRemoteLinkAsync(string issue, long id, CallContext context);

        Task RemoveRemoteLinkByGlobalIdAsync(string issue, string globalId, CallContext context);

        Task<IReadOnlyList<IssueLink>> GetIssueLinksAsync(string issue, CallContext context);

        /// <summary>
        /// One issue's links for <c>Get-IssueLink -Recurse</c>, each also carrying the issue's own summary and status
        /// (<c>IssueSummary</c>, <c>IssueStatus</c>, <c>IssueStatusCategory</c>) where the service's links read gives
        /// them, or where <paramref name="describeIssue"/> asks for them at the cost of one more read.
        /// </summary>
        Task<IReadOnlyList<IssueLink>> GetIssueLinksForWalkAsync(string issue, bool describeIssue, CallContext context);

        /// <summary>Which links -Relationship keeps, its phrases resolved as New-IssueLink resolves them (an unknown one throws).</summary>
        Task<Func<IssueLink, bool>> RelationshipFilterAsync(IReadOnlyList<string> phrases, CallContext context);

        /// <summary>A value that is the same for one link whichever of its two issues it was read from.</summary>
        string LinkIdentity(IssueLink link);

        Task<IssueLink> NewIssueLinkAsync(string issue, string linkedIssue, string relationship, CallContext context);

        Task RemoveIssueLinkAsync(string issue, long id, CallContext context);

        Task<IReadOnlyList<IssueLinkType>> GetIssueLinkTypesAsync(CallContext context);

        /// <summary>The relationship phrases -Relationship accepts on this connection (for completion and messages).</summary>
        Task<IReadOnlyList<string>> GetRelationshipPhrasesAsync(CallContext context);

        /// <summary>The values -Origin accepts (Tracker applications); empty where the service has none.</summary>
        Task<IReadOnlyList<string>> GetOriginsAsync(CallContext context);

        /// <summary>The values a remote link's -Relationship accepts; empty where any text is accepted (Jira).</summary>
        Task<IReadOnlyList<string>> GetRemoteLinkRelationshipsAsync(CallContext context);

        /// <summary>Starts a search in the service's query language (JQL, Tracker's query language); nothing is sent until its first page is asked for.</summary>
        IssueSearch Search(IssueQuery query);
    }
}
