using System;
using System.Threading;

namespace PSRemoteLinks.Http
{
    /// <summary>
    /// What one cmdlet item's calls share: the cancellation that Ctrl+C triggers, where log lines go, and where a
    /// retry reports its wait. The sinks buffer; the cmdlet writes them from the pipeline thread, in input order.
    /// </summary>
    internal sealed class CallContext
    {
        private readonly Action<string>? _verbose;
        private readonly Action<string>? _debug;
        private readonly Action<RetryWait>? _waiting;

        public CallContext(CancellationToken cancellation, Action<string>? verbose = null, Action<string>? debug = null, Action<RetryWait>? waiting = null)
        {
            Cancellation = cancellation;
            _verbose = verbose;
            _debug = debug;
            _waiting = waiting;
        }

        public static CallContext None { get; } = new CallContext(CancellationToken.None);

        public CancellationToken Cancellation { get; }

        /// <summary>False when nobody will see debug lines: costly ones (bodies) are then not even built.</summary>
        public bool WantsDebug => _debug != null;

        /// <summary>False when nobody will see verbose lines: the per-request line is then not formatted at all.</summary>
        public bool WantsVerbose => _verbose != null;

        public void Verbose(string message) => _verbose?.Invoke(message);

        public void Debug(string message) => _debug?.Invoke(message);

        /// <summary>A retry starts waiting; the cmdlet shows it as progress from the pipeline thread.</summary>
        public void Waiting(RetryWait wait) => _waiting?.Invoke(wait);

        /// <summary>The same sinks with another cancellation (a shared lookup that must outlive the caller that started it).</summary>
        public CallContext WithCancellation(CancellationToken cancellation) => new CallContext(cancellation, _verbose, _debug, _waiting);
    }
}
