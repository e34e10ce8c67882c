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
                ThrowTerminatingError(new ErrorRecord(
                    new ArgumentException("The certificate given with -Certificate (" + Certificate.Subject + ") has no private key, so it cannot prove who you are "
                        + "to the server. Pass the certificate from a store or a .pfx file that holds its key."),
                    "CertificateWithoutPrivateKey", ErrorCategory.InvalidArgument, Certificate.Subject));
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

            ThrowTerminatingError(new ErrorRecord(
                new InvalidOperationException("Refusing to send credentials over unencrypted http:// to " + target.Host
                    + ". Use an https:// address, or pass -AllowUnencryptedAuthentication if you accept that anyone on the network can read them."),
                "UnencryptedAuthenticationRefused", ErrorCategory.SecurityError, target));
        }

        /// <summary>Verifies (unless skipped), registers the connection as the default, and emits it with -PassThru.</summary>
        internal void Complete(string name, TrackerKind kind, Uri shownUri, PipelineSettings settings, Func<HttpPipeline, ILinkBackend> createBackend, string? organization = null)
        {
            settings.Network = NetworkOptions();
            if (SkipCertificateCheck)
            {
                WriteWarning("-SkipCertificateCheck: the server's certificate is not checked on connection '" + name + "'; anyone between you and " + shownUri.Host + " can read and change the traffic, credentials included.");
            }

            var pipeline = new HttpPipeline(settings, HandlerFactory.Create(settings.Network));
            var connection = new IssueTrackerConnection(name, kind, shownUri, createBackend(pipeline)) { Organization = organization, Network = settings.Network };
            if (!SkipVerification)
            {
                try
                {
                    connection.User = RunNow(context => connection.Backend.VerifyAsync(context));
                }
                catch (PipelineStoppedException)
                {
                    connection.Dispose();
                    throw;
                }
                catch (Exception ex)
                {
                    connection.Dispose();
                    var record = ErrorRecords.From(ex, shownUri);
                    ThrowTerminatingError(new ErrorRecord(
                        new InvalidOperationException("Could not connect to " + shownUri + ": " + record.Exception.Message, record.Exception),
                        "ConnectFailed", record.CategoryInfo.Category, shownUri));
                }

                WriteVerbose("Connected to " + kind + " at " + shownUri + " as " + connection.User + ".");
            }

            Connections.Add(connection);
            if (PassThru)
            {
                WriteObject(connection);
            }
        }

        private void RefuseTogether(bool both, string first, string second, string what)
        {
            if (both)
            {
                ThrowTerminatingError(new ErrorRecord(
                    new ArgumentException(first + " and " + second + " cannot be used together: they ask for " + what + "."),
                    "ContradictoryProxyOptions", ErrorCategory.InvalidArgument, first + " " + second));
            }
        }

        internal static string Reveal(System.Security.SecureString secret) => new NetworkCredential(string.Empty, secret).Password;

        internal static string DefaultName(Uri uri) => uri.IsDefaultPort ? uri.Host : uri.Host + ":" + uri.Port;

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
