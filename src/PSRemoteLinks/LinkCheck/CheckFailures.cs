using System;
using System.Globalization;
using System.Net;
using System.Net.Sockets;
using System.Security.Authentication;

namespace PSRemoteLinks.LinkCheck
{
    /// <summary>Turns why a request to a link's host got no answer into one short sentence for the check's Error.</summary>
    internal static class CheckFailures
    {
        public static string Timeout(TimeSpan timeout) =>
            "no answer within " + timeout.TotalSeconds.ToString("0.#", CultureInfo.InvariantCulture) + " s (-TimeoutSec)";

        public static string From(Exception exception, Uri url)
        {
            var where = url.IsDefaultPort ? url.Host : url.Host + ":" + url.Port.ToString(CultureInfo.InvariantCulture);
            for (var e = exception; e != null; e = e.InnerException)
            {
                if (e is AuthenticationException || e.GetType().Name.IndexOf("Certificate", StringComparison.Ordinal) >= 0
                    || (e is WebException web && (web.Status == WebExceptionStatus.TrustFailure || web.Status == WebExceptionStatus.SecureChannelFailure)))
                {
                    return "TLS failed with " + where + ": " + Innermost(exception).Message
                        + " (for a site with a self-signed or internal certificate, add -SkipCertificateCheck)";
                }

                if (e is SocketException socket)
                {
                    switch (socket.SocketErrorCode)
                    {
                        case SocketError.HostNotFound:
                        case SocketError.NoData:
                        case SocketError.TryAgain:
                            return "host not found: " + url.Host;
                        case SocketError.ConnectionRefused:
                            return "connection refused by " + where;
                    }
                }

                if (e is WebException webFailure)
                {
                    switch (webFailure.Status)
                    {
                        case WebExceptionStatus.NameResolutionFailure:
                            return "host not found: " + url.Host;
                        case WebExceptionStatus.ProxyNameResolutionFailure:
                            return "proxy not found: " + webFailure.Message;
                        case WebExceptionStatus.ConnectFailure:
                            return "could not connect to " + where + ": " + Innermost(exception).Message;
                    }
                }
            }

            return "could not connect to " + where + ": " + Innermost(exception).Message;
        }

        private static Exception Innermost(Exception exception)
        {
            while (exception.InnerException != null)
            {
                exception = exception.InnerException;
            }

            return exception;
        }
    }
}
