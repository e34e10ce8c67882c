using System;
using System.Management.Automation;
using PSRemoteLinks.Backends;

namespace PSRemoteLinks.Commands
{
    /// <summary>
    /// A Jira global id: at most 255 characters. Null and empty pass (no global id, or clearing it), which
    /// ValidateLength would refuse, and a link without a global id piped into New-RemoteIssueLink must bind.
    /// </summary>
    [AttributeUsage(AttributeTargets.Property | AttributeTargets.Field)]
    public sealed class ValidateGlobalIdAttribute : ValidateArgumentsAttribute
    {
        protected override void Validate(object arguments, EngineIntrinsics engineIntrinsics)
        {
            if (arguments is string text && text.Length > RemoteLinkLimits.MaxGlobalIdLength)
            {
                throw new ValidationMetadataException("The global id is " + text.Length + " characters long; Jira accepts at most " + RemoteLinkLimits.MaxGlobalIdLength + ".");
            }
        }
    }
}
