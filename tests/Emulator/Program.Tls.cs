using System;

namespace PSRemoteLinks.Emulator;

internal static partial class Program
{
    static partial void PrintTls(EmulatorServer server)
    {
        if (server.HttpsUri is null || server.MutualTlsUri is null || server.ServerCertificate is null)
        {
            return;
        }

        Console.WriteLine($"HTTPS:   {server.HttpsUri}  (self-signed, SHA-1 thumbprint {server.ServerCertificate.Thumbprint})");
        Console.WriteLine($"mTLS:    {server.MutualTlsUri}  (client certificate required; in-process only: CreateClientCertificate())");
    }
}
