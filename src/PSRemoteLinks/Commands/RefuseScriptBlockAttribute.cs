using System;
using System.Management.Automation;

namespace PSRemoteLinks.Commands
{
    /// <summary>
    /// Refuses a script block where a text value is bound, so that its source text is never stored as a value.
    /// A script block typed for a parameter that takes pipeline input is evaluated per piped object by PowerShell
    /// (delay-bind) and never reaches this; one that does reach it came from a piped object's property or was the
    /// result of such an evaluation.
    /// </summary>
    [AttributeUsage(AttributeTargets.Property | AttributeTargets.Field)]
    public sealed class RefuseScriptBlockAttribute : ArgumentTransformationAttribute
    {
        public override object? Transform(EngineIntrinsics engineIntrinsics, object? inputData)
        {
            var value = inputData is PSObject wrapped ? wrapped.BaseObject : inputData;
            if (value is ScriptBlock block)
            {
                throw new ArgumentTransformationMetadataException(
                    "The value is a script block ({" + Shorten(block.ToString()) + "}), not text. A script block given for this parameter is run for each piped link "
                    + "(e.g. Get-RemoteIssueLink A-1 | Set-RemoteIssueLink -Title { $_.Title + ' (old)' }); its result must be text, and a piped object's property cannot be one.");
            }

            return inputData;
        }

        private static string Shorten(string text)
        {
            var oneLine = text.Replace("\r", " ").Replace("\n", " ").Trim();
            return oneLine.Length <= 40 ? oneLine : oneLine.Substring(0, 37) + "...";
        }
    }
}
