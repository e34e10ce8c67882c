using System;
using System.Collections;
using System.Collections.Generic;
using System.Management.Automation;
using System.Threading.Tasks;
using PSRemoteLinks.Backends;
using PSRemoteLinks.Http;

namespace PSRemoteLinks.Commands
{
    /// <summary>
    /// Base of every data cmdlet: -Connection (also taken from piped objects, so a link goes back to the
    /// connection it came from), -ThrottleLimit, and the in-order runner that does the work.
    /// </summary>
    public abstract class LinkCmdletBase : ModuleCmdlet
    {
        private InOrderRunner? _runner;
        private bool? _mayPrompt;

        /// <summary>The connection to use, as the object or by its name; by default the last one made.</summary>
        [Parameter(ValueFromPipelineByPropertyName = true)]
        [ConnectionByName]
        [ValidateNotNull]
        [ArgumentCompleter(typeof(ConnectionNameCompleter))]
        public IssueTrackerConnection? Connection { get; set; }

        /// <summary>How many items may have requests in flight at once for piped or array input (1 = strictly sequential).</summary>
        [Parameter]
        [ValidateRange(1, NetworkOptions.MaxThrottleLimit)]
        public int ThrottleLimit { get; set; } = 4;

        private InOrderRunner Runner => _runner ?? (_runner = new InOrderRunner(this, ThrottleLimit));

        protected override void EndProcessing() => _runner?.FinishAll();

        /// <summary>
        /// <see cref="Cmdlet.ShouldProcess(string, string)"/>, hidden here so that every data cmdlet keeps its output in
        /// input order around a prompt: when the user may be asked, the earlier items are finished and written first,
        /// so the question for item N comes after the answers for items 1..N-1, as without -ThrottleLimit.
        /// Without a prompt (-WhatIf, -Confirm:$false, a low ConfirmImpact) nothing waits.
        /// </summary>
        protected new bool ShouldProcess(string target, string action)
        {
            if (_runner != null && (_mayPrompt ?? (_mayPrompt = MayPrompt()).Value))
            {
                _runner.WriteAll();
            }

            return base.ShouldProcess(target, action);
        }

        /// <summary>The connection for the current item: -Connection (given or piped), else the default.</summary>
        internal IssueTrackerConnection ResolveConnection() => UsableConnection(Connection);

        /// <summary>A terminating error that first writes what the earlier items did: their changes were made.</summary>
        private protected override void StopWith(ErrorRecord error)
        {
            _runner?.WriteAll();
            ThrowTerminatingError(error);
        }

        internal void ExpectTotal(int total)
        {
            if (total > 1)
            {
                Runner.ExpectedTotal = total;
            }
        }

        /// <summary>Queues one item's work; its results are written when its turn comes.</summary>
        internal void Run<T>(object target, Func<ILinkBackend, CallContext, Task<T>> work)
        {
            var backend = ResolveConnection().Backend;
            Runner.Start(target, async context =>
            {
                var result = await work(backend, context).ConfigureAwait(false);
                return result is IEnumerable many && !(result is string) ? many : new object?[] { result };
            });
        }

        /// <summary>Queues one item's work that has no output.</summary>
        internal void RunSilently(object target, Func<ILinkBackend, CallContext, Task> work)
        {
            var backend = ResolveConnection().Backend;
            Runner.Start(target, async context =>
            {
                await work(backend, context).ConfigureAwait(false);
                return Array.Empty<object>();
            });
        }

        /// <summary>Writes <paramref name="error"/> for one item in that item's place among the results, without any request.</summary>
        internal void Refuse(object target, Exception error) =>
            Runner.Start(target, _ => Task.FromException<IEnumerable>(error));

        /// <summary>PowerShell's own rule for when ShouldProcess asks: -WhatIf never; -Confirm always; else ConfirmImpact against $ConfirmPreference.</summary>
        private bool MayPrompt()
        {
            var bound = MyInvocation.BoundParameters;
            if ((bound.TryGetValue("WhatIf", out var whatIf) && LanguagePrimitives.IsTrue(whatIf))
                || (!bound.ContainsKey("WhatIf") && LanguagePrimitives.IsTrue(GetVariableValue("WhatIfPreference"))))
            {
                return false;
            }

            if (bound.TryGetValue("Confirm", out var confirm))
            {
                return LanguagePrimitives.IsTrue(confirm);
            }

            var attribute = (CmdletAttribute?)Attribute.GetCustomAttribute(GetType(), typeof(CmdletAttribute));
            var impact = attribute?.ConfirmImpact ?? ConfirmImpact.Medium;
            var preference = GetVariableValue("ConfirmPreference");
            if (preference == null || !Enum.TryParse(preference.ToString(), ignoreCase: true, out ConfirmImpact threshold))
            {
                return true;
            }

            return threshold != ConfirmImpact.None && impact >= threshold;
        }

        internal static IEnumerable<string> Each(string[]? values) => values ?? Array.Empty<string>();
    }
}
