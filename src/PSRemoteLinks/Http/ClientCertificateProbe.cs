using System;
using System.IO;
using System.Net.Security;
using System.Net.Sockets;
using System.Security.Authentication;
using System.Threading;
using System.Threading.Tasks;

namespace PSRemoteLinks.Http
{
    /// <summary>
    /// Asks a TLS server whether it wants a client certificate. A server that requires one and gets none finishes
    /// the handshake and then drops the connection (TLS 1.3 always, TLS 1.2 with many servers), which HttpClient
    /// reports like any dropped connection. One extra handshake, only after such a drop, tells the two apart, so
    /// the error can name -Certificate at once instead of after every retry.
    /// </summary>
    internal static class ClientCertificateProbe
    {
        /// <summary>True when the server's handshake asks for a client certificate; false when it does not or cannot be reached.</summary>
        public static async Task<bool> ServerAsksForCertificateAsync(Uri server, TimeSpan limit, CancellationToken cancellation)
        {
            var asked = false;
            using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellation);
            timeout.CancelAfter(limit);
            using var tcp = new TcpClient();
            using (timeout.Token.Register(() => tcp.Dispose()))
            {
                try
                {
                    await tcp.ConnectAsync(server.IdnHost, server.Port).ConfigureAwait(false);

                    // Nothing is sent over this connection and no certificate is offered, so the server's certificate
                    // needs no check here: the question is only whether the server asks. The selection callback runs
                    // once before the handshake and again, with the server's certificate, when the server asks.
                    using var tls = new SslStream(
                        tcp.GetStream(),
                        leaveInnerStreamOpen: false,
                        (sender, certificate, chain, errors) => true,
                        (sender, host, local, remote, issuers) =>
                        {
                            if (remote != null)
                            {
                                asked = true;
                            }

                            return null!;
                        });
                    await tls.AuthenticateAsClientAsync(server.IdnHost).ConfigureAwait(false);
                }
                catch (Exception ex) when (ex is IOException || ex is SocketException || ex is AuthenticationException
                    || ex is ObjectDisposedException || ex is InvalidOperationException)
                {
                    // A server that asked may still refuse the empty answer with an alert: what it asked is what counts.
                }
            }

            return asked;
        }
    }
}
