using System;
using System.Management.Automation;

namespace PSRemoteLinks.Commands
{
    /// <summary>An issue key or id: not empty, not whitespace, not "." or ".." (which would leave the issue's path).</summary>
    [AttributeUsage(AttributeTargets.Property | AttributeTargets.Field)]
    public sealed class ValidateIssueKeyAttribute : ValidateArgumentsAttribute
    {
        private static readonly char[] ControlCharacters = { '\r', '\n', '\t' };

        protected override void Validate(object arguments, EngineIntrinsics engineIntrinsics)
        {
            var values = arguments is string[] many ? many : new[] { arguments as string };
            foreach (var value in values)
            {
                var trimmed = value?.Trim();
                if (string.IsNullOrEmpty(trimmed))
                {
                    throw new ValidationMetadataException("The issue key is empty or white space. Give a key such as PROJ-123.");
                }

                if (trimmed == "." || trimmed == "..")
                {
                    throw new ValidationMetadataException("'" + trimmed + "' is not an issue key. Give a key such as PROJ-123.");
                }

                if (trimmed!.IndexOfAny(ControlCharacters) >= 0)
                {
                    throw new ValidationMetadataException("The issue key '" + trimmed.Replace("\r", "\\r").Replace("\n", "\\n").Replace("\t", "\\t") + "' contains control characters.");
                }
            }
        }
    }
}
