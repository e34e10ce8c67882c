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
                default: return ErrorCategory.ProtocolError;
            }
        }

        public static ErrorRecord From(Exception exception, object? target)
        {
            if (exception is AggregateException aggregate && aggregate.InnerExceptions.Count == 1)
            {
                exception = aggregate.InnerExceptions[0];
            }

            if (exception is ApiException api)
            {
                return new ErrorRecord(api, api.ErrorId, CategoryFor(api.Kind), target);
            }

            // Anything else is a defect of the module: say so plainly, without a stack trace in the message.
            return new ErrorRecord(
                new InvalidOperationException("PSRemoteLinks failed unexpectedly: " + exception.Message, exception),
                "UnexpectedError", ErrorCategory.NotSpecified, target);
        }

        public static ErrorRecord NoConnection() => new ErrorRecord(
            new InvalidOperationException("There is no connection to a tracker. Run Connect-Jira or Connect-YandexTracker first, or pass -Connection."),
            "NoConnection", ErrorCategory.ConnectionError, null);

        public static ErrorRecord ClosedConnection(IssueTrackerConnection connection) => connection.ReplacedBy is { } newer
            ? new ErrorRecord(
                new InvalidOperationException("The connection '" + connection.Name + "' (" + connection.Uri + ") was replaced by a later connection of the same name ("
                    + newer.Kind + " at " + newer.Uri + "), which closed it. Pass -Connection '" + newer.Name + "' to use the new one."),
                "ConnectionReplaced", ErrorCategory.ConnectionError, connection.Name)
            : new ErrorRecord(
                new InvalidOperationException("The connection '" + connection.Name + "' was closed by Disconnect-IssueTracker. Connect again with Connect-Jira or Connect-YandexTracker."),
                "ConnectionClosed", ErrorCategory.ConnectionError, connection.Name);
    }
}
