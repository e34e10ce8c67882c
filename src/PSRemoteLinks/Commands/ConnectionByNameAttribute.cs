using System;
using System.Linq;
using System.Management.Automation;
using PSRemoteLinks.Connections;

namespace PSRemoteLinks.Commands
{
    /// <summary>
    /// Lets -Connection take a connection's name as well as the object (<c>-Connection jira</c>), looked up among
    /// the session's open connections when the command runs, so a name always means the connection open now.
    /// </summary>
    [AttributeUsage(AttributeTargets.Property | AttributeTargets.Field)]
    public sealed class ConnectionByNameAttribute : ArgumentTransformationAttribute
    {
        public override object? Transform(EngineIntrinsics engineIntrinsics, object? inputData)
        {
            var value = inputData is PSObject wrapped ? wrapped.BaseObject : inputData;
            if (!(value is string name))
            {
                return inputData;
            }

            var store = ConnectionStore.Current;
            var found = store.Find(name.Trim());
            if (found != null)
            {
                return found;
            }

            var open = store.All.Select(c => "'" + c.Name + "'").ToList();
            throw new ArgumentTransformationMetadataException("There is no open connection named '" + name + "'. "
                + (open.Count == 0
                    ? "No connection is open: run Connect-Jira or Connect-YandexTracker first."
                    : "Open connections: " + string.Join(", ", open) + " (Get-IssueTrackerConnection lists them)."));
        }
    }
}
