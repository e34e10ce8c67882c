using System;
using System.Management.Automation;

namespace PSRemoteLinks.Commands
{
    /// <summary>
    /// An absolute URL: a link target (any scheme) or, with <see cref="RequireHttp"/>, a server address.
    /// Null and empty pass (clearing is allowed where the parameter allows it), except an empty server address.
    /// </summary>
    [AttributeUsage(AttributeTargets.Property | AttributeTargets.Field)]
    public sealed class ValidateAbsoluteUrlAttribute : ValidateArgumentsAttribute
    {
        public bool RequireHttp { get; set; }

        protected override void Validate(object arguments, EngineIntrinsics engineIntrinsics)
        {
            var text = arguments is Uri uri ? uri.OriginalString : arguments as string;
            if (string.IsNullOrEmpty(text))
            {
                // A server address cannot be cleared; PowerShell turns '' into an empty relative [Uri], not $null.
                if (RequireHttp && arguments != null)
                {
                    throw new ValidationMetadataException("The address is empty: give an http:// or https:// address.");
                }

                return;
            }

            if (!Uri.TryCreate(text, UriKind.Absolute, out var parsed) || parsed.IsFile && !text!.Contains("://"))
            {
                throw new ValidationMetadataException("'" + text + "' is not an absolute URL (such as https://host/path).");
            }

            // A server address is shown (the connection's Uri, messages): credentials in it would be shown with it.
            if (RequireHttp && !string.IsNullOrEmpty(parsed.UserInfo))
            {
                throw new ValidationMetadataException("The address " + parsed.Scheme + "://" + parsed.Authority
                    + " contains a user name or password: give credentials with -Credential (or -ProxyCredential for a proxy) instead.");
            }

            if (RequireHttp && parsed.Scheme != Uri.UriSchemeHttp && parsed.Scheme != Uri.UriSchemeHttps)
            {
                throw new ValidationMetadataException("'" + text + "' is not an http:// or https:// address.");
            }
        }
    }
}
