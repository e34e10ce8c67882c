namespace PSRemoteLinks.Emulator;

/// <summary>Canned non-JSON bodies that a client may meet in front of the real services.</summary>
internal static class FaultPages
{
    public const string LoginPage =
        """
        <!DOCTYPE html>
        <html lang="en">
        <head>
          <meta charset="utf-8">
          <meta name="application-name" content="JIRA">
          <title>Log in - Emulated Jira</title>
          <link rel="stylesheet" href="/s/login/_/download/batch/login.css">
        </head>
        <body id="jira" class="aui-layout aui-theme-default page-type-login">
          <div id="page">
            <header id="header" role="banner"><h1>Emulated Jira</h1></header>
            <section id="content" role="main">
              <h2>Welcome to Emulated Jira</h2>
              <form id="login-form" class="aui" action="/login.jsp" method="post">
                <div class="field-group">
                  <label for="login-form-username">Username</label>
                  <input id="login-form-username" name="os_username" type="text" autocomplete="username">
                </div>
                <div class="field-group">
                  <label for="login-form-password">Password</label>
                  <input id="login-form-password" name="os_password" type="password" autocomplete="current-password">
                </div>
                <input type="hidden" name="os_destination" value="">
                <input type="hidden" name="atl_token" value="B3WY-Q5H0-8K2L-EMUL_0a1b2c3d4e5f_lout">
                <div class="buttons-container"><input id="login-form-submit" class="aui-button" type="submit" value="Log In"></div>
              </form>
            </section>
          </div>
        </body>
        </html>

        """;

    public const string ServiceUnavailable =
        """
        <!DOCTYPE html>
        <html><head><title>503 Service Temporarily Unavailable</title></head>
        <body><center><h1>503 Service Temporarily Unavailable</h1></center><hr><center>emulated-proxy</center></body>
        </html>

        """;
}
