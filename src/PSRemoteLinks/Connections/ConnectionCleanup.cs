using System.Management.Automation;

namespace PSRemoteLinks.Connections
{
    /// <summary>
    /// Remove-Module closes the session's open connections. The assembly stays loaded (.NET cannot unload it), so
    /// without this their HTTP clients and pooled sockets would live until the process ends.
    /// </summary>
    public sealed class ConnectionCleanup : IModuleAssemblyCleanup
    {
        public void OnRemove(PSModuleInfo psModuleInfo) => ConnectionStore.Current.CloseAll();
    }
}
