using System;
using System.Management.Automation;
using System.Net;
using System.Security.Cryptography.X509Certificates;
using PSRemoteLinks.Backends;
using PSRemoteLinks.Http;

namespace PSRemoteLinks.Commands
{
    /// <summary>
    /// What both Connect cmdlets share: naming, verification, and the network options (named as
    /// Invoke-RestMethod names them), which apply to the new connection's own handler only.
    /// </summary>
    public abstract class ConnectCommandBase : ModuleCmdlet
    {
        /// <summary>A name to refer to the connection by; a connection of the same name is replaced.</summary>
        [Parameter]
        [ValidateNotNullOrEmpty]
        public string? Name { get; set; }

        /// <summary>Do not call the service to check the credentials.</summary>
        [Parameter]
        public SwitchParameter SkipVerification { get; set; }

        /// <summary>Write the new connection to the pipeline.</summary>
        [Parameter]
        public SwitchParameter PassThru { get; set; }

        [Parameter]
        [ValidateAbsoluteUrl(RequireHttp = true)]
        public Uri? Proxy { get; set; }

        [Parameter]
        [Credential]
        public PSCredential? ProxyCredential { get; set; }

        [Parameter]
        public SwitchParameter ProxyUseDefaultCredentials { get; set; }

        /// <summary>Go direct, ignoring the system's and HTTPS_PROXY's proxy settings.</summary>
        [Parameter]
        public SwitchParameter NoProxy { get; set; }

        /// <summary>Accept any server certificate (self-signed on-premises servers). Warns once.</summary>
        [Parameter]
        public SwitchParameter SkipCertificateCheck { get; set; }

        /// <summary>A client certificate for mutual TLS.</summary>
        [Parameter]
        [ValidateNotNull]
        public X509Certificate2? Certificate { get; set; }

        /// <summary>How long one attempt of a request may take, in seconds.</summary>
        [Parameter]
        [ValidateRange(1, 3600)]
        public int TimeoutSec { get; set; } = 100;

        /// <summary>How often a failed request that is safe to repeat is retried; 0 disables retries.</summary>
        [Parameter]
        [ValidateRange(0, 20)]
        public int MaximumRetryCount { get; set; } = 4;

        /// <summary>Allow credentials over plain http:// to a host that is not this machine.</summary>
        [Parameter]
        public SwitchParameter AllowUnencryptedAuthentication { get; set; }

        /// <summary>Refuses contradictory network options before anything is sent.</summary>
        protected override void BeginProcessing()
        {
            base.BeginProcessing();
            RefuseTogether(NoProxy && Proxy != null, "-Proxy", "-NoProxy", "a proxy and no proxy");
            RefuseTogether(NoProxy && ProxyCredential != null, "-ProxyCredential", "-NoProxy", "proxy credentials and no proxy");
            RefuseTogether(NoProxy && ProxyUseDefaultCredentials, "-ProxyUseDefaultCredentials", "-NoProxy", "proxy credentials and no proxy");
            RefuseTogether(ProxyCredential != null && ProxyUseDefaultCredentials, "-ProxyCredential", "-ProxyUseDefaultCredentials", "two sets of proxy credentials");
            if (Certificate != null && !Certificate.HasPrivateKey)
            {
                ThrowTerminatingError(ErrorRecords.Failure(ApiErrorKind.InvalidArgument, "CertificateWithoutPrivateKey",
                    "The certificate given with -Certificate (" + Certificate.Subject + ") has no private key, so it cannot prove who you are "
                        + "to the server. Pass the certificate from a store or a .pfx file that holds its key.",
                    Certificate.Subject));
            }
        }

        internal NetworkOptions NetworkOptions() => new NetworkOptions
        {
            Proxy = Proxy,
            ProxyCredential = ProxyCredential?.GetNetworkCredential(),
            ProxyUseDefaultCredentials = ProxyUseDefaultCredentials,
            NoProxy = NoProxy,
            SkipCertificateCheck = SkipCertificateCheck,
            Certificate = Certificate,
            Timeout = TimeSpan.FromSeconds(TimeoutSec),
            MaximumRetryCount = MaximumRetryCount,
            AllowUnencryptedAuthentication = AllowUnencryptedAuthentication,
        };

        /// <summary>Refuses, before any request, to send credentials in clear text across the network.</summary>
        internal void CheckTransport(Uri target)
        {
            if (target.Scheme == Uri.UriSchemeHttps || AllowUnencryptedAuthentication || IsLoopback(target))
            {
                return;
            }

            ThrowTerminatingError(ErrorRecords.Failure(ApiErrorKind.Security, "UnencryptedAuthenticationRefused",
                "Refusing to send credentials over unencrypted http:// to " + target.Host
                    + ". Use an https:// address, or pass -AllowUnencryptedAuthentication if you accept that anyone on the network can read them.",
                target));
        }

        /// <summary>
        /// Builds the connection, verifies it (unless skipped), registers it as the default, and emits it with -PassThru.
        /// A failed verification is reported with its own cause: id, category, status, and a hint in the service's terms.
        /// </summary>
        internal void Complete(string name, ConnectionFactory factory)
        {
            var shownUri = factory.Address;
            if (SkipCertificateCheck)
            {
                WriteWarning("-SkipCertificateCheck: the server's certificate is not checked on connection '" + name + "'; anyone between you and " + shownUri.Host + " can read and change the traffic, credentials included.");
            }

            var network = NetworkOptions();
            var connection = new IssueTrackerConnection(name, factory.Kind, shownUri, factory.Create(network)) { Organization = factory.Organization, Network = network };
            if (!SkipVerification)
            {
                try
                {
                    connection.User = RunNow(context => factory.VerifyAsync(connection.Backend, context));
                }
                catch (PipelineStoppedException)
                {
                    connection.Dispose();
                    throw;
                }
                catch (Exception ex)
                {
                    connection.Dispose();
                    ThrowTerminatingError(ConnectFailed(ex, shownUri));
                }

                WriteVerbose("Connected to " + factory.Kind + " at " + shownUri + " as " + connection.User + ".");
            }

            Connections.Add(connection);
            if (PassThru)
            {
                WriteObject(connection);
            }
        }

        /// <summary>The cause's own id and category (AuthenticationFailed, ConnectionFailed...), its message prefixed with where.</summary>
        private static ErrorRecord ConnectFailed(Exception ex, Uri shownUri)
        {
            var cause = (RemoteLinksException)ErrorRecords.From(ex, shownUri).Exception;
            var exception = new RemoteLinksException(cause.Kind, cause.ErrorId, "Could not connect to " + shownUri + ": " + cause.Message,
                cause.StatusCode, cause, cause.Method, cause.Path);
            return new ErrorRecord(exception, cause.ErrorId, ErrorRecords.CategoryFor(cause.Kind), shownUri);
        }

        private void RefuseTogether(bool both, string first, string second, string what)
        {
            if (both)
            {
                ThrowTerminatingError(ErrorRecords.Failure(ApiErrorKind.InvalidArgument, "ContradictoryProxyOptions",
                    first + " and " + second + " cannot be used together: they ask for " + what + ".", first + " " + second));
            }
        }

        internal static string Reveal(System.Security.SecureString secret) => new NetworkCredential(string.Empty, secret).Password;

        private static bool IsLoopback(Uri uri)
        {
            if (uri.IsLoopback || string.Equals(uri.Host, "localhost", StringComparison.OrdinalIgnoreCase))
            {
                return true;
            }

            return IPAddress.TryParse(uri.Host.Trim('[', ']'), out var address) && IPAddress.IsLoopback(address);
        }
    }
}
