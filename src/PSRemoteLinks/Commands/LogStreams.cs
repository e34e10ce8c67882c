using System;
using System.Management.Automation;

namespace PSRemoteLinks.Commands
{
    /// <summary>
    /// Whether a command's verbose and debug lines will be seen, decided once per command as PowerShell decides it:
    /// -Verbose / -Debug when given (also as :$false), else $VerbosePreference / $DebugPreference. Bulk work makes
    /// several lines per request; building and writing them for nobody costs more than some requests.
    /// </summary>
    internal readonly struct LogStreams
    {
        private LogStreams(bool verbose, bool debug)
        {
            Verbose = verbose;
            Debug = debug;
        }

        public bool Verbose { get; }

        public bool Debug { get; }

        public static LogStreams For(PSCmdlet cmdlet) =>
            new LogStreams(Wanted(cmdlet, "Verbose", "VerbosePreference"), Wanted(cmdlet, "Debug", "DebugPreference"));

        private static bool Wanted(PSCmdlet cmdlet, string parameter, string preferenceVariable)
        {
            if (cmdlet.MyInvocation.BoundParameters.TryGetValue(parameter, out var given))
            {
                return LanguagePrimitives.IsTrue(given);
            }

            var preference = cmdlet.GetVariableValue(preferenceVariable);
            if (preference != null && Enum.TryParse(preference.ToString(), ignoreCase: true, out ActionPreference value))
            {
                return value != ActionPreference.SilentlyContinue && value != ActionPreference.Ignore;
            }

            // Not readable: keep the lines, PowerShell still filters them when written.
            return true;
        }
    }
}
