using System.Linq;
using System.Management.Automation;

namespace PSRemoteLinks.Commands
{
    /// <summary>Closes a connection and frees its HTTP resources; without arguments, the default connection.</summary>
    [Cmdlet(VerbsCommunications.Disconnect, "IssueTracker", DefaultParameterSetName = ConnectionSet)]
    public sealed class DisconnectIssueTrackerCommand : ModuleCmdlet
    {
        private const string ConnectionSet = "Connection";
        private const string NameSet = "Name";

        [Parameter(Position = 0, ValueFromPipeline = true, ParameterSetName = ConnectionSet)]
        [ConnectionByName]
        [ValidateNotNull]
        [ArgumentCompleter(typeof(ConnectionNameCompleter))]
        public IssueTrackerConnection? Connection { get; set; }

        [Parameter(Mandatory = true, ParameterSetName = NameSet)]
        [ValidateNotNullOrEmpty]
        [ArgumentCompleter(typeof(ConnectionNameCompleter))]
        public string[]? Name { get; set; }

        protected override void ProcessRecord()
        {
            if (ParameterSetName == NameSet)
            {
                foreach (var name in Name!)
                {
                    var found = Connections.All.FirstOrDefault(c => string.Equals(c.Name, name, System.StringComparison.OrdinalIgnoreCase));
                    if (found == null)
                    {
                        WriteError(ErrorRecords.Failure(Http.ApiErrorKind.NotFound, "ConnectionNotFound",
                            "There is no connection named '" + name + "'.", name));
                        continue;
                    }

                    Close(found);
                }

                return;
            }

            var connection = Connection ?? Connections.Default;
            if (connection == null)
            {
                WriteError(ErrorRecords.NoConnection());
                return;
            }

            Close(connection);
        }

        private void Close(IssueTrackerConnection connection)
        {
            Connections.Remove(connection);
            WriteVerbose("Disconnected " + connection + ".");
        }
    }
}
