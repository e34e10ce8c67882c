using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Linq;
using System.Management.Automation;
using System.Net;
using System.Text;
using System.Text.Json.Nodes;
using System.Threading.Tasks;
using PSRemoteLinks.Emulator;
using PSRemoteLinks.EngineHost;
using Xunit;

namespace PSRemoteLinks.Tests
{
    /// <summary>
    /// Each test gets a fresh emulator and a fresh PowerShell session that imported the published module.
    /// Scripts see $JiraUri, $JiraCred, $JiraPat, $TrackerUri, $TrackerToken, $OrgId, $CloudOrgId, $IamToken, and $WikiUri (the emulator's web pages for link checks).
    /// </summary>
    public abstract class EngineTest : IAsyncLifetime
    {
        /// <summary>A Jira remote link with every field set (global id, application, relationship, icons, status).</summary>
        protected const string FullLink = "{\"globalId\":\"system=ci&build=1\",\"application\":{\"type\":\"org.example.ci\",\"name\":\"Example CI\"},"
            + "\"relationship\":\"built by\",\"object\":{\"url\":\"https://ci.example.org/builds/1\",\"title\":\"Build #1\",\"summary\":\"Nightly\","
            + "\"icon\":{\"url16x16\":\"https://ci.example.org/i.png\",\"title\":\"Build\"},"
            + "\"status\":{\"resolved\":true,\"icon\":{\"url16x16\":\"https://ci.example.org/ok.png\",\"title\":\"Passed\",\"link\":\"https://ci.example.org/builds/1/log\"}}}}";

        protected EmulatorServer Server { get; private set; } = null!;

        protected PowerShellSession Shell { get; private set; } = null!;

        protected EmulatorOptions Options => Server.Options;

        public virtual async Task InitializeAsync()
        {
            Server = await EmulatorServer.StartAsync(CreateOptions());
            Shell = PowerShellSession.Create(ModuleLocation.PublishedManifest);
        }

        public virtual async Task DisposeAsync()
        {
            Shell.Dispose();
            await Server.DisposeAsync();
        }

        protected virtual EmulatorOptions CreateOptions() => new EmulatorOptions();

        protected ScriptResult Run(string script, IDictionary<string, object?>? extra = null) => Shell.Run(script, Variables(extra));

        protected RunningScript Start(string script, IDictionary<string, object?>? extra = null) => Shell.Start(script, Variables(extra));

        /// <summary>Waits (spinning, then yielding) until <paramref name="condition"/> holds; false if it did not within <paramref name="timeout"/>.</summary>
        protected static bool SpinUntil(Func<bool> condition, TimeSpan timeout) => System.Threading.SpinWait.SpinUntil(condition, timeout);

        /// <summary>
        /// Stops the script as Ctrl+C does and checks that it ends promptly, as stopped, and that every request it had
        /// in flight was aborted on the server.
        /// </summary>
        protected async Task AssertStopsPromptly(RunningScript running)
        {
            var watch = Stopwatch.StartNew();
            running.Stop();

            Assert.True(running.Wait(TimeSpan.FromSeconds(10)), "the pipeline stopped");
            Assert.True(watch.Elapsed < TimeSpan.FromSeconds(10));
            Assert.True(running.Result.Stopped);
            Assert.True(await Server.Requests.WaitForIdleAsync(TimeSpan.FromSeconds(10)), "every request in flight was aborted");
        }

        /// <summary>Connects to the emulator's Jira and checks that it worked.</summary>
        protected void ConnectJira(string extra = "")
        {
            var result = Run("Connect-Jira -Uri $JiraUri -Credential $JiraCred " + extra);
            Assert.Empty(result.Errors);
            Assert.Null(result.TerminatingError);
        }

        protected void ConnectTracker(string extra = "")
        {
            var result = Run("Connect-YandexTracker -Uri $TrackerUri -Token $TrackerToken -OrgId $OrgId " + extra);
            Assert.Empty(result.Errors);
            Assert.Null(result.TerminatingError);
        }

        protected Dictionary<string, object?> Variables(IDictionary<string, object?>? extra)
        {
            var variables = new Dictionary<string, object?>
            {
                ["JiraUri"] = Server.JiraUri,
                ["JiraCred"] = new PSCredential(Options.JiraUser, Secure(Options.JiraApiToken)),
                ["JiraPat"] = Secure(Options.JiraPersonalAccessToken),
                ["TrackerUri"] = Server.TrackerUri,
                ["TrackerToken"] = Secure(Options.TrackerOAuthToken),
                ["IamToken"] = Secure(Options.TrackerIamToken),
                ["OrgId"] = Options.TrackerOrgId,
                ["CloudOrgId"] = Options.TrackerCloudOrgId,
                ["WikiUri"] = Server.WebUri,
            };
            if (extra != null)
            {
                foreach (var pair in extra)
                {
                    variables[pair.Key] = pair.Value;
                }
            }

            return variables;
        }

        /// <summary>One extra variable for <see cref="Run"/>, <see cref="Start"/> and the like.</summary>
        protected static Dictionary<string, object?> With(string name, object? value) => new Dictionary<string, object?> { [name] = value };

        protected static System.Security.SecureString Secure(string text) => new NetworkCredential(string.Empty, text).SecurePassword;

        /// <summary>A property of an emitted object, as a user reads it ($obj.Name).</summary>
        protected static object? Prop(PSObject item, string name) => item.Properties[name]?.Value is object value
            ? (value is PSObject wrapped ? wrapped.BaseObject : value)
            : null;

        protected static string? Text(PSObject item, string name) => Prop(item, name)?.ToString();

        protected static string TypeName(PSObject item) => item.BaseObject.GetType().FullName!;

        /// <summary>The one error of a run, asserting there is exactly one.</summary>
        protected static ErrorRecord SingleError(ScriptResult result)
        {
            Assert.Null(result.TerminatingError);
            return Assert.Single(result.Errors);
        }

        /// <summary>The run's only error, terminating (a Connect cmdlet) or not (a data cmdlet).</summary>
        protected static ErrorRecord OnlyError(ScriptResult result)
        {
            var all = result.Errors.ToList();
            if (result.TerminatingErrorRecord is ErrorRecord terminating && !all.Any(e => ReferenceEquals(e, terminating)))
            {
                all.Add(terminating);
            }

            Assert.True(all.Count == 1, "expected exactly one error, got: " + string.Join(" | ", all.Select(e => e.FullyQualifiedErrorId + ": " + e.Exception.Message)));
            return all[0];
        }

        /// <summary>
        /// Runs the script inside try/catch: only a terminating error (ThrowTerminatingError, not WriteError)
        /// is caught there, so getting the record back proves the error stopped the command.
        /// </summary>
        protected ErrorRecord TerminatingError(string script, IDictionary<string, object?>? extra = null)
        {
            var result = Run("try { " + script + " } catch { $_ }", extra);
            Assert.Empty(result.Errors);
            Assert.Null(result.TerminatingError);
            return Assert.IsType<ErrorRecord>(Assert.Single(result.Output).BaseObject);
        }

        /// <summary>Asserts that two JSON texts hold the same document (member order aside).</summary>
        protected static void AssertJson(string expected, string actual) =>
            Assert.True(JsonNode.DeepEquals(JsonNode.Parse(expected), JsonNode.Parse(actual)), "expected " + expected + " but was " + actual);

        /// <summary>The Basic header value of $JiraCred.</summary>
        protected string JiraBasic => Convert.ToBase64String(Encoding.UTF8.GetBytes(Options.JiraUser + ":" + Options.JiraApiToken));

        /// <summary>
        /// No credential of the emulator ($JiraCred's token and its Basic value, $JiraPat, $TrackerToken, $IamToken)
        /// appears in anything the run let a user see, nor in any error's exception text.
        /// </summary>
        protected void AssertNoSecretVisible(ScriptResult result)
        {
            var seen = result.EverythingVisible() + string.Join("\n", result.Errors.Select(e => e.ToString() + e.Exception))
                + (result.TerminatingError?.ToString() ?? string.Empty);
            foreach (var secret in new[] { Options.JiraApiToken, JiraBasic, Options.JiraPersonalAccessToken, Options.TrackerOAuthToken, Options.TrackerIamToken })
            {
                Assert.DoesNotContain(secret, seen);
            }
        }

        /// <summary>Requests that changed something on the server.</summary>
        protected IReadOnlyList<RecordedRequest> Changes() =>
            Server.Requests.All.Where(r => r.Method != "GET").ToList();
    }
}
