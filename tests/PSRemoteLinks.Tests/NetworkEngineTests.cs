using System;
using System.Collections.Generic;
using System.Management.Automation;
using PSRemoteLinks.EngineHost;
using Xunit;

namespace PSRemoteLinks.Tests
{
    /// <summary>
    /// What the network tests share: runs that can never hang a test run.
    /// </summary>
    public abstract class NetworkEngineTests : EngineTest
    {
        /// <summary>Far beyond what any script here needs (they use -TimeoutSec 1 or 2), so only a real hang trips it.</summary>
        protected static readonly TimeSpan HangLimit = TimeSpan.FromSeconds(60);

        /// <summary>Runs the script, failing the test (after stopping the script) if it does not end within <see cref="HangLimit"/>.</summary>
        protected ScriptResult RunBounded(string script, IDictionary<string, object?>? extra = null)
        {
            var running = Start(script, extra);
            if (!running.Wait(HangLimit))
            {
                running.Stop();
                running.Wait(TimeSpan.FromSeconds(10));
                Assert.Fail("The script did not finish within " + HangLimit.TotalSeconds + " s: " + script);
            }

            return running.Result;
        }

        /// <summary><see cref="EngineTest.TerminatingError"/> (the record a try/catch caught) for a run bounded like <see cref="RunBounded"/>.</summary>
        protected ErrorRecord BoundedTerminatingError(string script, IDictionary<string, object?>? extra = null)
        {
            var result = RunBounded("try { " + script + " } catch { $_ }", extra);
            Assert.Empty(result.Errors);
            Assert.Null(result.TerminatingError);
            return Assert.IsType<ErrorRecord>(Assert.Single(result.Output).BaseObject);
        }
    }
}
