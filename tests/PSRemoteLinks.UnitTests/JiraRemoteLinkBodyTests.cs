using System.Text;
using System.Text.Json.Nodes;
using PSRemoteLinks.Backends;
using PSRemoteLinks.Http;
using PSRemoteLinks.Jira;
using Xunit;

namespace PSRemoteLinks.UnitTests
{
    public class JiraRemoteLinkBodyTests
    {
        private const string Stored = "{\"id\":10000,\"self\":\"http://x/rest/api/2/issue/A-1/remotelink/10000\",\"globalId\":\"g-1\","
            + "\"application\":{\"type\":\"com.acme\",\"name\":\"Acme\"},\"relationship\":\"causes\",\"futureField\":{\"kept\":true},"
            + "\"object\":{\"url\":\"https://acme/1\",\"title\":\"Old\",\"summary\":\"Sum\",\"icon\":{\"url16x16\":\"https://acme/i.png\",\"title\":\"I\"},"
            + "\"status\":{\"resolved\":true,\"icon\":{\"url16x16\":\"https://acme/s.png\",\"title\":\"S\",\"link\":\"https://acme/s\"}}}}";

        private static JsonObject Update(RemoteLinkValues changes) =>
            (JsonObject)JsonNode.Parse(JiraRemoteLinkBody.ForUpdate(new ApiResponse(200, Encoding.UTF8.GetBytes(Stored), "application/json", "GET", "/x"), changes))!;

        [Fact]
        public void Changing_the_title_keeps_every_other_field_including_unknown_ones()
        {
            var body = Update(new RemoteLinkValues().Set(RemoteLinkField.Title, "New"));
            Assert.Equal("New", (string?)body["object"]!["title"]);
            Assert.Equal("https://acme/1", (string?)body["object"]!["url"]);
            Assert.Equal("Sum", (string?)body["object"]!["summary"]);
            Assert.Equal("causes", (string?)body["relationship"]);
            Assert.Equal("g-1", (string?)body["globalId"]);
            Assert.Equal("https://acme/i.png", (string?)body["object"]!["icon"]!["url16x16"]);
            Assert.True((bool?)body["object"]!["status"]!["resolved"]);
            Assert.Equal("https://acme/s", (string?)body["object"]!["status"]!["icon"]!["link"]);
            Assert.True((bool?)body["futureField"]!["kept"]);
            Assert.Null(body["id"]);
            Assert.Null(body["self"]);
        }

        [Fact]
        public void An_empty_value_clears_the_field_and_empty_parents()
        {
            var body = Update(new RemoteLinkValues().Set(RemoteLinkField.Summary, "").Set(RemoteLinkField.IconUrl, null).Set(RemoteLinkField.IconTitle, ""));
            Assert.False(body["object"]!.AsObject().ContainsKey("summary"));
            Assert.False(body["object"]!.AsObject().ContainsKey("icon"));
            Assert.Equal("Old", (string?)body["object"]!["title"]);
        }

        [Fact]
        public void Required_fields_cannot_be_cleared_or_omitted()
        {
            Assert.Throws<ApiException>(() => Update(new RemoteLinkValues().Set(RemoteLinkField.Title, "")));
            Assert.Throws<ApiException>(() => JiraRemoteLinkBody.ForCreate(new RemoteLinkValues().Set(RemoteLinkField.Title, "T")));
        }

        [Fact]
        public void Create_writes_only_what_was_given_in_jiras_shape()
        {
            var body = (JsonObject)JsonNode.Parse(JiraRemoteLinkBody.ForCreate(new RemoteLinkValues()
                .Set(RemoteLinkField.Url, "https://x/1").Set(RemoteLinkField.Title, "X-1").Set(RemoteLinkField.Resolved, true)
                .Set(RemoteLinkField.StatusIconTitle, "Done").Set(RemoteLinkField.ApplicationName, "CI")))!;
            Assert.Equal("{\"object\":{\"url\":\"https://x/1\",\"title\":\"X-1\",\"status\":{\"resolved\":true,\"icon\":{\"title\":\"Done\"}}},\"application\":{\"name\":\"CI\"}}",
                body.ToJsonString());
        }

        [Fact]
        public void Tracker_fields_on_jira_are_refused_before_any_request()
        {
            var error = Assert.Throws<ApiException>(() => JiraRemoteLinkBody.ForCreate(new RemoteLinkValues().Set(RemoteLinkField.Key, "K").Set(RemoteLinkField.Origin, "o")));
            Assert.Contains("-Key, -Origin", error.Message);
        }
    }
}
