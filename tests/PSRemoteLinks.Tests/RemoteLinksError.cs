using System.Management.Automation;
using Xunit;

namespace PSRemoteLinks.Tests
{
    /// <summary>
    /// An ErrorRecord's exception read as a script reads it ($_.Exception.StatusCode...). The tests do not reference the
    /// module assembly, so its public type is checked by name and its properties through PowerShell's adapter.
    /// </summary>
    internal sealed class RemoteLinksError
    {
        private const string PublicType = "PSRemoteLinks.RemoteLinksException";

        private RemoteLinksError(PSObject exception)
        {
            ErrorId = exception.Properties["ErrorId"]?.Value as string;
            StatusCode = exception.Properties["StatusCode"]?.Value as int?;
            Method = exception.Properties["Method"]?.Value as string;
            Path = exception.Properties["Path"]?.Value as string;
        }

        public string? ErrorId { get; }

        public int? StatusCode { get; }

        public string? Method { get; }

        public string? Path { get; }

        /// <summary>Asserts the record carries exactly the public exception type, and reads it.</summary>
        public static RemoteLinksError Of(ErrorRecord record)
        {
            Assert.Equal(PublicType, record.Exception.GetType().FullName);
            return new RemoteLinksError(PSObject.AsPSObject(record.Exception));
        }
    }
}
