using System;
using System.Management.Automation;
using PSRemoteLinks.Http;

namespace PSRemoteLinks.Commands
{
    /// <summary>Turns failures into ErrorRecords: category from what went wrong, message without any secret.</summary>
    internal static class ErrorRecords
    {
        public static ErrorCategory CategoryFor(ApiErrorKind kind)
        {
            switch (kind)
            {
                case ApiErrorKind.InvalidArgument: return ErrorCategory.InvalidArgument;
                case ApiErrorKind.Authentication: return ErrorCategory.AuthenticationError;
                case ApiErrorKind.PermissionDenied: return ErrorCategory.PermissionDenied;
                case ApiErrorKind.NotFound: return ErrorCategory.ObjectNotFound;
                case ApiErrorKind.Conflict: return ErrorCategory.ResourceExists;
                case ApiErrorKind.LimitsExceeded: return ErrorCategory.LimitsExceeded;
                case ApiErrorKind.RateLimited: return ErrorCategory.ResourceUnavailable;
                case ApiErrorKind.ServerUnavailable: return ErrorCategory.ResourceUnavailable;
                case ApiErrorKind.InvalidResponse: return ErrorCategory.InvalidData;
                case ApiErrorKind.Timeout: return ErrorCategory.OperationTimeout;
                case ApiErrorKind.Connection: return ErrorCategory.ConnectionError;
                case ApiErrorKind.Certificate: return ErrorCategory.SecurityError;
                case ApiErrorKind.Security: return ErrorCategory.SecurityError;
                case ApiErrorKind.NotSupported: return ErrorCategory.NotImplemented;
                case ApiErrorKind.Unexpected: return ErrorCategory.NotSpecified;
                default: return ErrorCategory.ProtocolError;
            }
        }

        public static ErrorRecord From(Exception exception, object? target)
        {
            if (exception is AggregateException aggregate && aggregate.InnerExceptions.Count == 1)
            {
                exception = aggregate.InnerExceptions[0];
            }

            if (exception is RemoteLinksException known)
            {
                return new ErrorRecord(known.AsPublic(), known.ErrorId, CategoryFor(known.Kind), target);
            }

            // Anything else is a defect of the module: say so plainly, without a stack trace in the message.
            return Failure(ApiErrorKind.Unexpected, "UnexpectedError", "PSRemoteLinks failed unexpectedly: " + exception.Message, target, exception);
        }

        /// <summary>An error that is not an HTTP call's (bad options, no connection): still a <see cref="RemoteLinksException"/>.</summary>
        public static ErrorRecord Failure(ApiErrorKind kind, string errorId, string message, object? target, Exception? inner = null) =>
            new ErrorRecord(new RemoteLinksException(kind, errorId, Sentences.End(message), null, inner, null, null), errorId, CategoryFor(kind), target);

        public static ErrorRecord NoConnection() => Failure(ApiErrorKind.Connection, "NoConnection",
            "There is no connection to a tracker. Run Connect-Jira or Connect-YandexTracker first, or pass -Connection.", null);

        public static ErrorRecord ClosedConnection(IssueTrackerConnection connection) => connection.ReplacedBy is { } newer
            ? Failure(ApiErrorKind.Connection, "ConnectionReplaced",
                "The connection '" + connection.Name + "' (" + connection.Uri + ") was replaced by a later connection of the same name ("
                    + newer.Kind + " at " + newer.Uri + "), which closed it. Pass -Connection '" + newer.Name + "' to use the new one.", connection.Name)
            : Failure(ApiErrorKind.Connection, "ConnectionClosed",
                "The connection '" + connection.Name + "' was closed by Disconnect-IssueTracker. Connect again with Connect-Jira or Connect-YandexTracker.", connection.Name);
    }
}
