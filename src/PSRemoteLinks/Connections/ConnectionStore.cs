using System;
using System.Collections.Generic;
using System.Linq;
using System.Management.Automation.Runspaces;
using System.Runtime.CompilerServices;

namespace PSRemoteLinks.Connections
{
    /// <summary>
    /// The open connections of one runspace (a PowerShell session): two sessions in one process, or tests
    /// running side by side, never see each other's connections. The last connection made is the default.
    /// </summary>
    internal sealed class ConnectionStore
    {
        private static readonly ConditionalWeakTable<object, ConnectionStore> PerRunspace = new ConditionalWeakTable<object, ConnectionStore>();
        private static readonly object NoRunspace = new object();

        private readonly object _lock = new object();
        private readonly List<IssueTrackerConnection> _connections = new List<IssueTrackerConnection>();

        public static ConnectionStore Current => PerRunspace.GetValue((object?)Runspace.DefaultRunspace ?? NoRunspace, _ => new ConnectionStore());

        public IssueTrackerConnection? Default { get; private set; }

        public IReadOnlyList<IssueTrackerConnection> All
        {
            get
            {
                lock (_lock)
                {
                    return _connections.ToArray();
                }
            }
        }

        /// <summary>Adds a connection and makes it the default; one of the same name is closed and replaced.</summary>
        public void Add(IssueTrackerConnection connection)
        {
            IssueTrackerConnection? replaced;
            lock (_lock)
            {
                replaced = _connections.FirstOrDefault(c => string.Equals(c.Name, connection.Name, StringComparison.OrdinalIgnoreCase));
                if (replaced != null)
                {
                    _connections.Remove(replaced);
                }

                connection.Store = this;
                _connections.Add(connection);
                Default = connection;
            }

            if (replaced != null)
            {
                replaced.ReplacedBy = connection;
                replaced.Dispose();
            }
        }

        /// <summary>The open connection of that name (names are compared without regard to case), or null.</summary>
        public IssueTrackerConnection? Find(string name)
        {
            lock (_lock)
            {
                return _connections.FirstOrDefault(c => string.Equals(c.Name, name, StringComparison.OrdinalIgnoreCase));
            }
        }

        /// <summary>Closes every connection of this session (Remove-Module): their sockets and handlers are released now, not at exit.</summary>
        public void CloseAll()
        {
            IssueTrackerConnection[] all;
            lock (_lock)
            {
                all = _connections.ToArray();
                _connections.Clear();
                Default = null;
            }

            foreach (var connection in all)
            {
                connection.Dispose();
            }
        }

        /// <summary>Closes a connection; when it was the default, the most recent remaining one takes over.</summary>
        public bool Remove(IssueTrackerConnection connection)
        {
            bool removed;
            lock (_lock)
            {
                removed = _connections.Remove(connection);
                if (Default == connection)
                {
                    Default = _connections.LastOrDefault();
                }
            }

            connection.Dispose();
            return removed;
        }
    }
}
