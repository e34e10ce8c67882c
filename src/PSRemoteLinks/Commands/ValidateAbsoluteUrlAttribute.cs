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
            var problem = Problem(arguments, RequireHttp);
            if (problem != null)
            {
                throw new ValidationMetadataException(problem);
            }
        }

        /// <summary>What is wrong with <paramref name="arguments"/> as an absolute URL, or null when nothing is.</summary>
        internal static string? Problem(object? arguments, bool requireHttp)
        {
            var text = arguments is Uri uri ? uri.OriginalString : arguments as string;
            if (string.IsNullOrEmpty(text))
            {
                // A server address cannot be cleared; PowerShell turns '' into an empty relative [Uri], not $null.
                return requireHttp && arguments != null ? "The address is empty: give an http:// or https:// address." : null;
            }

            if (!Uri.TryCreate(text, UriKind.Absolute, out var parsed) || parsed.IsFile && !text!.Contains("://"))
            {
                return "'" + text + "' is not an absolute URL (such as https://host/path).";
            }

            // A server address is shown (the connection's Uri, messages): credentials in it would be shown with it.
            if (requireHttp && !string.IsNullOrEmpty(parsed.UserInfo))
            {
                return "The address " + parsed.Scheme + "://" + parsed.Authority
                    + " contains a user name or password: give credentials with -Credential (or -ProxyCredential for a proxy) instead.";
            }

            if (requireHttp && parsed.Scheme != Uri.UriSchemeHttp && parsed.Scheme != Uri.UriSchemeHttps)
            {
                return "'" + text + "' is not an http:// or https:// address.";
            }

            return null;
        }
    }
}
