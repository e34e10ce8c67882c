using System.Linq;
using System.Threading.Tasks;
using Xunit;

namespace PSRemoteLinks.Tests
{
    /// <summary>The contract's "Remote links" section on Jira, through the hosted engine against the emulator.</summary>
    public class JiraRemoteLinkTests : EngineTest
    {
        public override async Task InitializeAsync()
        {
            await base.InitializeAsync();
            Server.Jira.AddIssue("A-1", "Source issue");
            Server.Jira.AddIssue("B-2", "Target issue");
            ConnectJira();
        }

        [Fact]
        public void Get_lists_every_link_as_a_typed_object_with_every_field()
        {
            var id = Server.Jira.AddRemoteLink("A-1", FullLink);
            Server.Jira.AddRemoteLink("A-1", "{\"object\":{\"url\":\"https://docs.example.org\",\"title\":\"Docs\"}}");

            var result = Run("Get-RemoteIssueLink A-1");

            Assert.Empty(result.Errors);
            Assert.Equal(2, result.Output.Count);
            var link = result.Output[0];
            Assert.Equal("PSRemoteLinks.RemoteIssueLink", TypeName(link));
            Assert.Equal("A-1", Text(link, "Issue"));
            Assert.Equal(id, Prop(link, "Id"));
            Assert.IsType<long>(Prop(link, "Id"));
            Assert.Equal("system=ci&build=1", Text(link, "GlobalId"));
            Assert.Equal("https://ci.example.org/builds/1", Text(link, "Url"));
            Assert.Equal("Build #1", Text(link, "Title"));
            Assert.Equal("Nightly", Text(link, "Summary"));
            Assert.Equal("built by", Text(link, "Relationship"));
            Assert.Equal("org.example.ci", Text(link, "ApplicationType"));
            Assert.Equal("Example CI", Text(link, "ApplicationName"));
            Assert.Equal("https://ci.example.org/i.png", Text(link, "IconUrl"));
            Assert.Equal("Build", Text(link, "IconTitle"));
            Assert.Equal(true, Prop(link, "Resolved"));
            Assert.Equal("https://ci.example.org/ok.png", Text(link, "StatusIconUrl"));
            Assert.Equal("Passed", Text(link, "StatusIconTitle"));
            Assert.Equal("https://ci.example.org/builds/1/log", Text(link, "StatusIconLink"));
            Assert.EndsWith("/jira/rest/api/2/issue/A-1/remotelink/" + id, Text(link, "Self"));
            Assert.Equal("PSRemoteLinks.IssueTrackerConnection", TypeName(new System.Management.Automation.PSObject(Prop(link, "Connection"))));
            Assert.Equal("Docs", Text(result.Output[1], "Title"));
        }

        [Fact]
        public void An_issue_without_links_gives_nothing_and_no_error()
        {
            var result = Run("Get-RemoteIssueLink B-2");
            Assert.Empty(result.Errors);
            Assert.Empty(result.Output);
        }

        [Fact]
        public void Get_by_id_and_by_global_id_return_the_one_link()
        {
            var id = Server.Jira.AddRemoteLink("A-1", FullLink);
            Server.Jira.AddRemoteLink("A-1", "{\"globalId\":\"other\",\"object\":{\"url\":\"https://x.example/2\",\"title\":\"Other\"}}");

            var byId = Run("Get-RemoteIssueLink A-1 -Id " + id);
            var byGlobalId = Run("Get-RemoteIssueLink -Issue A-1 -GlobalId 'system=ci&build=1'");

            Assert.Equal("Build #1", Text(Assert.Single(byId.Output), "Title"));
            Assert.Equal(id, Prop(Assert.Single(byGlobalId.Output), "Id"));
            var request = Server.Requests.Where("GET", "/remotelink").Last();
            Assert.Equal("/jira/rest/api/2/issue/A-1/remotelink?globalId=system%3Dci%26build%3D1", request.RawTarget);
        }

        [Fact]
        public void New_emits_the_link_as_stored_after_reading_it_back()
        {
            var result = Run("New-RemoteIssueLink -Issue A-1 -Url https://ci.example.org/builds/7 -Title 'Build #7' -Summary 'Nightly' "
                + "-Relationship 'built by' -IconUrl https://ci.example.org/i.png -IconTitle Build -ApplicationType org.example.ci "
                + "-ApplicationName 'Example CI' -Resolved -StatusIconUrl https://ci.example.org/ok.png -StatusIconTitle Passed -StatusIconLink https://ci.example.org/log");

            Assert.Empty(result.Errors);
            var link = Assert.Single(result.Output);
            var stored = Assert.Single(Server.Jira.RemoteLinks("A-1"));
            Assert.Equal((long)stored["id"]!, Prop(link, "Id"));
            Assert.Equal("Build #7", (string?)stored["object"]!["title"]);
            Assert.Equal("Passed", (string?)stored["object"]!["status"]!["icon"]!["title"]);
            Assert.Equal("Build #7", Text(link, "Title"));
            Assert.Equal("Example CI", Text(link, "ApplicationName"));
            Assert.Equal(true, Prop(link, "Resolved"));
            // The POST answered only id/self, so the emitted object came from a GET by id.
            Assert.Equal(new[] { "POST", "GET" }, Server.Requests.All.Skip(1).Select(r => r.Method).ToArray());
        }

        [Fact]
        public void New_with_global_id_twice_leaves_one_updated_link()
        {
            var first = Run("New-RemoteIssueLink A-1 -Url https://x.example/1 -Title First -GlobalId 'app=x&id=1' -Summary Kept");
            var second = Run("New-RemoteIssueLink A-1 -Url https://x.example/1 -Title Second -GlobalId 'app=x&id=1'");

            Assert.Empty(first.Errors);
            Assert.Empty(second.Errors);
            var stored = Assert.Single(Server.Jira.RemoteLinks("A-1"));
            Assert.Equal("Second", (string?)stored["object"]!["title"]);
            Assert.Equal(Prop(first.Output[0], "Id"), Prop(second.Output[0], "Id"));
            var posts = Server.Requests.Where("POST", "/remotelink");
            Assert.Equal(new[] { 201, 200 }, posts.Select(p => p.Status).ToArray());
        }

        [Fact]
        public void Set_changes_the_title_and_keeps_every_other_field()
        {
            var id = Server.Jira.AddRemoteLink("A-1", FullLink);

            var result = Run("Set-RemoteIssueLink -Issue A-1 -Id " + id + " -Title 'Build #1 (rerun)' -PassThru");

            Assert.Empty(result.Errors);
            var stored = Assert.Single(Server.Jira.RemoteLinks("A-1"));
            Assert.Equal("Build #1 (rerun)", (string?)stored["object"]!["title"]);
            Assert.Equal("https://ci.example.org/builds/1", (string?)stored["object"]!["url"]);
            Assert.Equal("Nightly", (string?)stored["object"]!["summary"]);
            Assert.Equal("built by", (string?)stored["relationship"]);
            Assert.Equal("https://ci.example.org/i.png", (string?)stored["object"]!["icon"]!["url16x16"]);
            Assert.True((bool?)stored["object"]!["status"]!["resolved"]);
            Assert.Equal("Passed", (string?)stored["object"]!["status"]!["icon"]!["title"]);
            Assert.Equal("system=ci&build=1", (string?)stored["globalId"]);
            Assert.Equal("Example CI", (string?)stored["application"]!["name"]);
            Assert.Equal("Build #1 (rerun)", Text(Assert.Single(result.Output), "Title"));
            Assert.Single(Server.Requests.Where("PUT", "/remotelink/" + id));
        }

        [Fact]
        public void Set_with_an_empty_summary_clears_only_the_summary()
        {
            var id = Server.Jira.AddRemoteLink("A-1", FullLink);

            var result = Run("Set-RemoteIssueLink A-1 " + id + " -Summary ''");

            Assert.Empty(result.Errors);
            Assert.Empty(result.Output);
            var stored = Assert.Single(Server.Jira.RemoteLinks("A-1"));
            Assert.Null((string?)stored["object"]!["summary"]);
            Assert.Equal("Build #1", (string?)stored["object"]!["title"]);
        }

        [Fact]
        public void Set_resolved_false_reopens_the_link()
        {
            var id = Server.Jira.AddRemoteLink("A-1", FullLink);
            Run("Set-RemoteIssueLink A-1 " + id + " -Resolved:$false");
            Assert.False((bool?)Server.Jira.RemoteLinks("A-1")[0]["object"]!["status"]!["resolved"]);
        }

        [Fact]
        public void A_failed_update_leaves_the_link_untouched()
        {
            var id = Server.Jira.AddRemoteLink("A-1", FullLink);
            Server.Faults.Add(PSRemoteLinks.Emulator.Fault.Status(400, "{\"errorMessages\":[\"Invalid body\"],\"errors\":{}}").For("PUT", "/remotelink/"));

            var result = Run("Set-RemoteIssueLink A-1 " + id + " -Title Broken");

            Assert.Contains("Invalid body", SingleError(result).Exception.Message);
            Assert.Equal("Build #1", (string?)Server.Jira.RemoteLinks("A-1")[0]["object"]!["title"]);
            Assert.Equal("Nightly", (string?)Server.Jira.RemoteLinks("A-1")[0]["object"]!["summary"]);
        }

        [Theory]
        [InlineData("Get-RemoteIssueLink A-1 -GlobalId $g")]
        [InlineData("Remove-RemoteIssueLink A-1 -GlobalId $g -Confirm:$false")]
        public void A_global_id_with_reserved_and_non_ascii_characters_round_trips(string script)
        {
            const string globalId = "system=http://www.mycompany.com/support&id=1 Zoë";
            var created = Run("New-RemoteIssueLink A-1 -Url https://x.example/1 -Title X -GlobalId $g", With("g", globalId));
            Assert.Equal(globalId, Text(Assert.Single(created.Output), "GlobalId"));
            Assert.Equal(globalId, (string?)Server.Jira.RemoteLinks("A-1")[0]["globalId"]);

            var result = Run(script, With("g", globalId));

            Assert.Empty(result.Errors);
            var last = Server.Requests.All.Last();
            Assert.Equal("/jira/rest/api/2/issue/A-1/remotelink?globalId=system%3Dhttp%3A%2F%2Fwww.mycompany.com%2Fsupport%26id%3D1%20Zo%C3%AB", last.RawTarget);
            Assert.Equal(last.Method == "GET" ? 200 : 204, last.Status);
        }

        [Fact]
        public void Remove_by_id_and_by_global_id_delete_with_a_json_content_type()
        {
            var id = Server.Jira.AddRemoteLink("A-1", FullLink);
            Server.Jira.AddRemoteLink("A-1", "{\"globalId\":\"g2\",\"object\":{\"url\":\"https://x.example/2\",\"title\":\"Two\"}}");

            var result = Run("Remove-RemoteIssueLink A-1 -Id " + id + " -Confirm:$false; Remove-RemoteIssueLink A-1 -GlobalId g2 -Confirm:$false");

            Assert.Empty(result.Errors);
            Assert.Empty(Server.Jira.RemoteLinks("A-1"));
            var deletes = Server.Requests.Where("DELETE", "/remotelink");
            Assert.Equal(2, deletes.Count);
            Assert.All(deletes, d => Assert.StartsWith("application/json", d.Headers["Content-Type"]));
            Assert.All(deletes, d => Assert.Equal(204, d.Status));
        }

        [Fact]
        public void Piping_links_into_remove_removes_them_all()
        {
            Server.Jira.AddRemoteLink("A-1", FullLink);
            Server.Jira.AddRemoteLink("A-1", "{\"object\":{\"url\":\"https://x.example/2\",\"title\":\"Two\"}}");
            Server.Jira.AddRemoteLink("B-2", "{\"object\":{\"url\":\"https://x.example/3\",\"title\":\"Three\"}}");

            var result = Run("Get-RemoteIssueLink A-1 | Remove-RemoteIssueLink -Confirm:$false");

            Assert.Empty(result.Errors);
            Assert.Empty(Server.Jira.RemoteLinks("A-1"));
            Assert.Single(Server.Jira.RemoteLinks("B-2"));
        }

        [Fact]
        public void Piping_links_into_new_copies_every_field_onto_another_issue()
        {
            Server.Jira.AddRemoteLink("A-1", FullLink);
            Server.Jira.AddRemoteLink("A-1", "{\"object\":{\"url\":\"https://x.example/2\",\"title\":\"Two\",\"summary\":\"Second\"}}");

            var result = Run("Get-RemoteIssueLink A-1 | New-RemoteIssueLink -Issue B-2");

            Assert.Empty(result.Errors);
            Assert.Equal(2, result.Output.Count);
            Assert.All(result.Output, o => Assert.Equal("B-2", Text(o, "Issue")));
            // The copies are created concurrently, so the server numbers them in the order the POSTs arrive; the
            // objects written follow the source order, and each names the copy it made.
            var source = Server.Jira.RemoteLinks("A-1");
            var copies = Server.Jira.RemoteLinks("B-2").ToDictionary(l => (long)l["id"]!);
            Assert.Equal(2, copies.Count);
            for (var i = 0; i < 2; i++)
            {
                var copy = copies[(long)Prop(result.Output[i], "Id")!];
                source[i].Remove("id");
                copy.Remove("id");
                Assert.True(System.Text.Json.Nodes.JsonNode.DeepEquals(source[i], copy), source[i].ToJsonString() + " vs " + copy.ToJsonString());
            }
        }

        [Fact]
        public void Copies_made_with_ThrottleLimit_1_keep_the_source_order_on_the_server()
        {
            var titles = Enumerable.Range(1, 6).Select(n => "Link " + n).ToArray();
            foreach (var title in titles)
            {
                Server.Jira.AddRemoteLink("A-1", "{\"object\":{\"url\":\"https://x.example/" + title.Length + "\",\"title\":\"" + title + "\"}}");
            }

            var result = Run("Get-RemoteIssueLink A-1 | New-RemoteIssueLink -Issue B-2 -ThrottleLimit 1");

            Assert.Empty(result.Errors);
            Assert.Equal(titles, Server.Jira.RemoteLinks("B-2").Select(l => (string?)l["object"]!["title"]));
        }

        [Fact]
        public void Issue_keys_are_trimmed_typed_or_piped()
        {
            var id = Server.Jira.AddRemoteLink("A-1", FullLink);

            var result = Run("Get-RemoteIssueLink ' A-1 '; Set-RemoteIssueLink \" A-1\t\" " + id + " -Title T -PassThru; "
                + "[pscustomobject]@{ Issue = ' A-1 '; Id = " + id + " } | Remove-RemoteIssueLink -Confirm:$false");

            Assert.Empty(result.Errors);
            Assert.Equal(new[] { "A-1", "A-1" }, result.Output.Select(o => Text(o, "Issue")));
            var linkRequests = Server.Requests.Where(null, "/remotelink");
            Assert.Equal(6, linkRequests.Count);
            Assert.All(linkRequests, r => Assert.StartsWith("/jira/rest/api/2/issue/A-1/remotelink", r.RawTarget, System.StringComparison.Ordinal));
            Assert.Empty(Server.Jira.RemoteLinks("A-1"));
        }

        [Fact]
        public void WhatIf_sends_no_change()
        {
            var id = Server.Jira.AddRemoteLink("A-1", FullLink);

            var result = Run("New-RemoteIssueLink A-1 -Url https://x.example/1 -Title X -WhatIf; "
                + "Set-RemoteIssueLink A-1 " + id + " -Title Y -WhatIf; "
                + "Remove-RemoteIssueLink A-1 " + id + " -WhatIf; "
                + "Remove-RemoteIssueLink A-1 -GlobalId 'system=ci&build=1' -WhatIf; "
                + "Get-RemoteIssueLink A-1 | Remove-RemoteIssueLink -WhatIf");

            Assert.Empty(result.Errors);
            Assert.Empty(Changes());
            Assert.Single(Server.Jira.RemoteLinks("A-1"));
            Assert.Contains("What if: Performing the operation \"Remove\" on target \"remote link " + id + " on A-1\".", result.HostText);
        }

        [Fact]
        public void Confirm_answered_no_sends_nothing()
        {
            var id = Server.Jira.AddRemoteLink("A-1", FullLink);
            Shell.Host.ChoiceAnswers.Enqueue("No");

            var result = Run("Remove-RemoteIssueLink A-1 " + id);

            Assert.Empty(result.Errors);
            Assert.Empty(Changes());
            Assert.Contains(Shell.Host.Prompts, p => p.Contains("remote link " + id + " on A-1"));
        }

        [Fact]
        public void An_issue_key_is_one_escaped_path_segment()
        {
            var result = Run("Get-RemoteIssueLink 'A-1/../../myself'");

            var error = SingleError(result);
            Assert.Equal("NotFound,PSRemoteLinks.Commands.GetRemoteIssueLinkCommand", error.FullyQualifiedErrorId);
            Assert.Equal("/jira/rest/api/2/issue/A-1%2F..%2F..%2Fmyself/remotelink", Server.Requests.All.Last().RawTarget);
        }
    }
}
