namespace PSRemoteLinks.LinkCheck
{
    /// <summary>What a final answer (no more redirects to follow) says about a link.</summary>
    internal static class CheckVerdict
    {
        public static void Apply(RemoteIssueLinkCheck check, PageAnswer answer)
        {
            var status = answer.Status!.Value;
            check.StatusCode = status;
            if (status < 300 || status == 401 || status == 403)
            {
                // 401/403: the page is there but wants a sign-in, which the checker never sends to a link's host.
                check.Reachable = true;
            }
            else if (status == 429)
            {
                check.Reachable = RemoteIssueLinkCheck.Unknown;
                check.Error = "not checked: the site answered " + answer.StatusText + "; try again later or with a lower -ThrottleLimit";
            }
            else if (status == 407)
            {
                check.Reachable = RemoteIssueLinkCheck.Unknown;
                check.Error = "not checked: the proxy answered " + answer.StatusText + "; connect with -ProxyCredential or -ProxyUseDefaultCredentials";
            }
            else
            {
                check.Reachable = false;
                check.Error = status < 400 ? answer.StatusText + " without a Location to follow" : answer.StatusText;
            }
        }
    }
}
