using System.Text;
using System.Text.Json.Nodes;
using Keel.FixCi.GitHub;

namespace Keel.FixCi.Tests.GitHub;

public sealed class WebhookPayloadTests
{
    private static ParsedWebhook Parse(string eventName, JsonNode body) => WebhookPayload.Parse(eventName, Encoding.UTF8.GetBytes(body.ToJsonString()));

    private static ParsedWebhook Parse(string eventName, string body) => WebhookPayload.Parse(eventName, Encoding.UTF8.GetBytes(body));

    [Fact]
    public void A_failed_run_is_analysed_with_everything_needed_to_fetch_its_logs()
    {
        var parsed = Parse("workflow_run", WorkflowRunPayload.Completed(pullRequests: [WorkflowRunPayload.PullRequest(7, baseRef: "develop")]));

        var run = parsed.ShouldBeOfType<ParsedWebhook.Analyze>().Run;
        run.InstallationId.ShouldBe(42);
        run.Repository.ShouldBe(new RepositoryName("octo", "widgets"));
        run.DefaultBranch.ShouldBe("main");
        run.RunId.ShouldBe(30433642);
        run.RunAttempt.ShouldBe(1);
        run.WorkflowId.ShouldBe(159038);
        run.HeadSha.ShouldBe("acb5820ced9479c074f688cc328bf03f341a511d");
        run.HeadBranch.ShouldBe("fix-parser");
        run.Conclusion.ShouldBe("failure");
        run.PullRequests.ShouldBe([new PullRequestRef(7, "develop", "acb5820ced9479c074f688cc328bf03f341a511d")]);
    }

    [Fact]
    public void A_run_for_a_pull_request_from_a_fork_has_no_pull_requests_and_is_still_analysed()
    {
        var parsed = Parse("workflow_run", WorkflowRunPayload.Completed(pullRequests: []));

        parsed.ShouldBeOfType<ParsedWebhook.Analyze>().Run.PullRequests.ShouldBeEmpty();
    }

    [Fact]
    public void Pull_requests_of_another_repository_are_left_out()
    {
        var parsed = Parse("workflow_run", WorkflowRunPayload.Completed(pullRequests:
            [WorkflowRunPayload.PullRequest(3, baseRepoId: 555), WorkflowRunPayload.PullRequest(4)]));

        parsed.ShouldBeOfType<ParsedWebhook.Analyze>().Run.PullRequests.Select(p => p.Number).ShouldBe([4]);
    }

    [Fact]
    public void A_timed_out_run_is_analysed()
    {
        Parse("workflow_run", WorkflowRunPayload.Completed(conclusion: "timed_out")).ShouldBeOfType<ParsedWebhook.Analyze>();
    }

    [Theory]
    [InlineData("success")]
    [InlineData("cancelled")]
    [InlineData("skipped")]
    [InlineData("neutral")]
    [InlineData("action_required")]
    public void A_run_that_did_not_fail_is_ignored_with_its_conclusion_as_reason(string conclusion)
    {
        var parsed = Parse("workflow_run", WorkflowRunPayload.Completed(conclusion: conclusion));

        parsed.ShouldBeOfType<ParsedWebhook.Ignored>().Reason.ShouldContain(conclusion);
    }

    [Theory]
    [InlineData("requested")]
    [InlineData("in_progress")]
    public void A_run_that_has_not_completed_is_ignored(string action)
    {
        Parse("workflow_run", WorkflowRunPayload.Completed(action: action)).ShouldBeOfType<ParsedWebhook.Ignored>().Reason.ShouldContain(action);
    }

    [Fact]
    public void A_null_conclusion_is_ignored()
    {
        var body = WorkflowRunPayload.Completed();
        body["workflow_run"]!["conclusion"] = null;

        Parse("workflow_run", body).ShouldBeOfType<ParsedWebhook.Ignored>();
    }

    [Theory]
    [InlineData("workflow_job")]
    [InlineData("check_suite")]
    public void Job_and_suite_events_are_acknowledged_without_a_second_analysis(string eventName)
    {
        var body = new JsonObject { ["action"] = "completed", ["installation"] = new JsonObject { ["id"] = 42 } };

        Parse(eventName, body).ShouldBeOfType<ParsedWebhook.Ignored>().Reason.ShouldStartWith(eventName);
    }

    [Fact]
    public void Ping_and_unknown_events_are_ignored()
    {
        Parse("ping", new JsonObject { ["zen"] = "Design for failure." }).ShouldBeOfType<ParsedWebhook.Ignored>();
        Parse("star", new JsonObject { ["action"] = "created" }).ShouldBeOfType<ParsedWebhook.Ignored>();
    }

    [Theory]
    [InlineData("")]
    [InlineData("{")]
    [InlineData("not json")]
    [InlineData("[1,2,3]")]
    [InlineData("\"workflow_run\"")]
    [InlineData("{\"action\":\"completed\"}")]
    [InlineData("{\"action\":\"completed\",\"workflow_run\":[]}")]
    [InlineData("{\"action\":17,\"workflow_run\":{}}")]
    public void Malformed_bodies_are_invalid_never_an_exception(string body)
    {
        Parse("workflow_run", body).ShouldBeOfType<ParsedWebhook.Invalid>().Error.ShouldNotBeNullOrWhiteSpace();
    }

    [Theory]
    [InlineData("installation")]
    [InlineData("repository")]
    public void A_failed_run_without_its_installation_or_repository_is_invalid(string missing)
    {
        var body = WorkflowRunPayload.Completed();
        body.Remove(missing);

        Parse("workflow_run", body).ShouldBeOfType<ParsedWebhook.Invalid>().Error.ShouldContain(missing);
    }

    [Theory]
    [InlineData("id", "\"12\"")]
    [InlineData("head_sha", "12")]
    [InlineData("workflow_id", "null")]
    public void Wrongly_typed_fields_are_invalid(string field, string json)
    {
        var body = WorkflowRunPayload.Completed();
        body["workflow_run"]![field] = JsonNode.Parse(json);

        Parse("workflow_run", body).ShouldBeOfType<ParsedWebhook.Invalid>().Error.ShouldContain(field);
    }

    [Fact]
    public void A_repository_name_that_is_not_owner_slash_name_is_invalid()
    {
        var body = WorkflowRunPayload.Completed();
        body["repository"]!["full_name"] = "widgets";

        Parse("workflow_run", body).ShouldBeOfType<ParsedWebhook.Invalid>();
    }

    [Fact]
    public void A_missing_event_name_is_invalid()
    {
        WebhookPayload.Parse(null, "{}"u8).ShouldBeOfType<ParsedWebhook.Invalid>();
    }

    [Fact]
    public void Absurdly_deep_json_is_invalid()
    {
        var body = new string('[', 10_000) + new string(']', 10_000);

        Parse("workflow_run", body).ShouldBeOfType<ParsedWebhook.Invalid>();
    }

    [Fact]
    public void A_failed_run_names_its_start_its_repository_id_and_owner()
    {
        var run = Parse("workflow_run", WorkflowRunPayload.Completed(runStartedAt: "2026-11-23T10:05:00Z")).ShouldBeOfType<ParsedWebhook.Analyze>().Run;

        run.StartedAt.ShouldBe(new DateTimeOffset(2026, 11, 23, 10, 5, 0, TimeSpan.Zero));
        run.RepositoryId.ShouldBe(1296269);
        run.Owner.ShouldBe(new GitHubAccount("octo", "Organization"));
    }

    [Fact]
    public void Installation_events_say_which_repositories_came_and_went()
    {
        JsonObject Installation(string action) => new()
        {
            ["action"] = action,
            ["installation"] = new JsonObject { ["id"] = 42, ["account"] = new JsonObject { ["login"] = "octo", ["type"] = "Organization" } },
            ["repositories"] = new JsonArray(new JsonObject { ["id"] = 7, ["full_name"] = "octo/widgets" }),
        };

        var created = Parse("installation", Installation("created")).ShouldBeOfType<ParsedWebhook.InstallationChanged>().Change;
        created.InstallationId.ShouldBe(42);
        created.Account.ShouldBe(new GitHubAccount("octo", "Organization"));
        created.Added.ShouldBe([new InstallationRepository(7, "octo/widgets")]);
        // "deleted" lists the repositories it had: they are not news.
        Parse("installation", Installation("deleted")).ShouldBeOfType<ParsedWebhook.InstallationChanged>().Change.Added.ShouldBeEmpty();

        var changed = Parse("installation_repositories", new JsonObject
        {
            ["action"] = "removed",
            ["installation"] = new JsonObject { ["id"] = 42 },
            ["repositories_added"] = new JsonArray(),
            ["repositories_removed"] = new JsonArray(new JsonObject { ["id"] = 7, ["full_name"] = "octo/widgets" }),
        }).ShouldBeOfType<ParsedWebhook.InstallationChanged>().Change;
        changed.Removed.ShouldBe([new InstallationRepository(7, "octo/widgets")]);
        changed.Account.ShouldBeNull();

        var bad = Installation("created");
        bad["repositories"] = new JsonArray(new JsonObject { ["id"] = 7, ["full_name"] = "no-slash" });
        Parse("installation", bad).ShouldBeOfType<ParsedWebhook.Invalid>();
    }
}
