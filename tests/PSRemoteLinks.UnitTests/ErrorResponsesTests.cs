using System.Text;
using PSRemoteLinks.Http;
using Xunit;

namespace PSRemoteLinks.UnitTests
{
    public class ErrorResponsesTests
    {
        private static readonly SecretRedactor NoSecrets = SecretRedactor.Empty;

        [Fact]
        public void Jira_error_collection_gives_messages_and_field_errors()
        {
            var body = Encoding.UTF8.GetBytes("{\"errorMessages\":[\"Issue does not exist\"],\"errors\":{\"title\":\"'title' is required.\"}}");
            var error = ErrorResponses.FromStatus("Jira", "POST", "/rest/api/2/issue/A-1/remotelink", 400, "Bad Request", body, "application/json", NoSecrets);
            Assert.Equal(ApiErrorKind.InvalidArgument, error.Kind);
            Assert.Equal("BadRequest", error.ErrorId);
            Assert.Contains("Jira answered 400 Bad Request to POST /rest/api/2/issue/A-1/remotelink", error.Message);
            Assert.Contains("Issue does not exist", error.Message);
            Assert.Contains("title: 'title' is required.", error.Message);
        }

        [Fact]
        public void Tracker_error_with_error_code_is_read()
        {
            var body = Encoding.UTF8.GetBytes("{\"errors\":{},\"errorMessages\":[\"Organization is not available, not ready or not found\"],\"errorCode\":620345}");
            var error = ErrorResponses.FromStatus("Yandex Tracker", "GET", "/v2/myself", 403, "Forbidden", body, "application/json", NoSecrets);
            Assert.Equal(ApiErrorKind.PermissionDenied, error.Kind);
            Assert.Contains("Organization is not available", error.Message);
        }

        [Fact]
        public void The_servers_words_end_as_a_sentence_before_the_hint()
        {
            var body = Encoding.UTF8.GetBytes("{\"errorMessages\":[\"Organization is not available, not ready or not found\"]}");
            var error = ErrorResponses.FromStatus("Yandex Tracker", "GET", "/v2/myself", 403, "Forbidden", body, "application/json", NoSecrets);
            Assert.Contains("not ready or not found. The account lacks the permission", error.Message);
            Assert.EndsWith(".", error.Message, System.StringComparison.Ordinal);
            Assert.Equal("GET", error.Method);
            Assert.Equal("/v2/myself", error.Path);
        }

        [Fact]
        public void An_html_error_page_is_named_with_its_title_not_parsed()
        {
            var body = Encoding.UTF8.GetBytes("<!DOCTYPE html><html><head><title>Log in - Jira</title></head><body>...</body></html>");
            var error = ErrorResponses.FromStatus("Jira", "GET", "/rest/api/2/myself", 502, "Bad Gateway", body, "text/html", NoSecrets);
            Assert.Contains("HTML page titled 'Log in - Jira'", error.Message);
            Assert.Equal(ApiErrorKind.ServerUnavailable, error.Kind);
        }

        [Fact]
        public void A_secret_echoed_by_the_server_is_scrubbed()
        {
            var redactor = new SecretRedactor(new[] { "s3cr3t-token" });
            var body = Encoding.UTF8.GetBytes("{\"errorMessages\":[\"bad token s3cr3t-token\"]}");
            var error = ErrorResponses.FromStatus("Jira", "GET", "/x", 401, "Unauthorized", body, "application/json", redactor);
            Assert.DoesNotContain("s3cr3t-token", error.Message);
            Assert.Contains("***", error.Message);
        }

        [Theory]
        [InlineData(400, "InvalidArgument")]
        [InlineData(401, "Authentication")]
        [InlineData(403, "PermissionDenied")]
        [InlineData(404, "NotFound")]
        [InlineData(409, "Conflict")]
        [InlineData(413, "LimitsExceeded")]
        [InlineData(429, "RateLimited")]
        [InlineData(503, "ServerUnavailable")]
        public void Status_maps_to_kind(int status, string kind) => Assert.Equal(kind, ErrorResponses.KindFor(status).ToString());
    }
}
