using System.Text;
using System.Text.Json.Nodes;
using Keel.FixCi.Comments;
using Keel.FixCi.Evaluation;
using Keel.FixCi.GitHub;
using Keel.FixCi.Tests.GitHub;

namespace Keel.FixCi.Tests.Runs;

/// <summary>
/// The whole path from a <c>workflow_run</c> webhook to the pull request comment, against the fake GitHub with the
/// real logs of breakage cidiff_11 (a failed Actions job and a passing run of the same job).
/// </summary>
public sealed class AnalyzeFailedRunTests
{
    private const string Repo = GitHubAppHarness.Repository;
    private const long Workflow = 159038;
    private const string FailedSha = "acb5820ced9479c074f688cc328bf03f341a511d";
    private const string JobName = "build-test-deploy";

    private static readonly Lazy<BreakageCase> Breakage = new(() =>
    {
        var root = BreakageDataset.Locate(AppContext.BaseDirectory);
        if (root is null)
        {
            Assert.Fail($"The breakage dataset was not found: no ancestor of {AppContext.BaseDirectory} has shared/data/ci-breakages beside it.");
        }
        return BreakageDataset.Load(root!).Single(c => c.Name == "cidiff_11");
    });

    [Fact]
    public async Task A_failed_run_from_a_fork_is_explained_in_one_comment_on_its_pull_request()
    {
        await using var app = await GitHubAppHarness.StartAsync();
        var (failRun, failJob, pr) = Arrange(app, fromFork: true);
        app.GitHub.SetLogNotFound(failJob, 2);
        app.GitHub.AddComment(Repo, pr, "Deploy preview ready <!-- netlify -->", "netlify[bot]");
        var run = ParseWebhook(failRun, pullRequests: []);

        var report = await app.AdvancingAsync(app.Analysis.RunAsync(run));

        var job = report.Jobs.ShouldHaveSingleItem();
        job.JobId.ShouldBe(failJob);
        job.JobName.ShouldBe(JobName);
        job.ComparedWith.ShouldBe("main");
        report.JobsAnalyzed.ShouldBe(1);
        var result = job.Result.ShouldNotBeNull();
        result.UsedPassLog.ShouldBeTrue();
        var top = result.Blocks[0];
        Breakage.Value.ErrorLines.ShouldAllBe(line => line >= top.Start && line <= top.End);

        var posted = report.Comments.ShouldHaveSingleItem();
        posted.PullRequest.ShouldBe(pr);
        posted.Change.ShouldBe(CommentChange.Created);
        var comments = app.GitHub.Comments(Repo, pr);
        comments.Count.ShouldBe(2);
        var ours = comments.Single(c => c.Id == posted.CommentId);
        ours.Author.ShouldBe(app.GitHub.BotLogin);
        ours.Body.ShouldStartWith(ReportComment.Marker);
        ours.Body.ShouldContain(JobName);
        foreach (var line in Breakage.Value.ErrorLines)
        {
            ours.Body.ShouldContain($"\n{line} | ");
        }

        // The log was downloaded from storage without the token, and the passing job's log was used too.
        var blobs = app.GitHub.Requests.Where(r => r.Path.StartsWith("/_blobs/", StringComparison.Ordinal)).ToArray();
        blobs.Length.ShouldBe(2);
        blobs.ShouldAllBe(r => r.Authorization == null && r.Status == 200);
    }

    [Fact]
    public async Task Analysing_the_same_run_again_keeps_the_one_comment()
    {
        await using var app = await GitHubAppHarness.StartAsync();
        var (failRun, _, pr) = Arrange(app, fromFork: false);
        var run = ParseWebhook(failRun, pullRequests: [WorkflowRunPayload.PullRequest(pr, headSha: FailedSha)]);

        var first = await app.AdvancingAsync(app.Analysis.RunAsync(run));
        var second = await app.AdvancingAsync(app.Analysis.RunAsync(run));

        first.Comments.ShouldHaveSingleItem().Change.ShouldBe(CommentChange.Created);
        second.Comments.ShouldHaveSingleItem().Change.ShouldBe(CommentChange.Unchanged);
        app.GitHub.Comments(Repo, pr).ShouldHaveSingleItem();
        app.GitHub.TokensIssued.ShouldBe(1);
    }

    [Fact]
    public async Task A_new_failure_on_the_pull_request_updates_the_comment()
    {
        await using var app = await GitHubAppHarness.StartAsync();
        var (failRun, _, pr) = Arrange(app, fromFork: false);
        await app.AdvancingAsync(app.Analysis.RunAsync(ParseWebhook(failRun, pullRequests: [WorkflowRunPayload.PullRequest(pr, headSha: FailedSha)])));
        var rerun = app.GitHub.AddRun(Repo, Workflow, FailedSha, "fix-parser", "failure", attempt: 1);
        app.GitHub.AddJob(Repo, rerun, "unit-tests", "failure", "Running tests\nFAILED tests/test_parser.py::test_dates - AssertionError: assert 1 == 2\n1 failed, 20 passed\n##[error]Process completed with exit code 1.\n");

        var report = await app.AdvancingAsync(app.Analysis.RunAsync(
            ParseWebhook(rerun, pullRequests: [WorkflowRunPayload.PullRequest(pr, headSha: FailedSha)])));

        report.Comments.ShouldHaveSingleItem().Change.ShouldBe(CommentChange.Updated);
        var comment = app.GitHub.Comments(Repo, pr).ShouldHaveSingleItem();
        comment.Body.ShouldContain("unit-tests");
        comment.Body.ShouldNotContain(JobName);
    }

    [Fact]
    public async Task A_slow_analysis_of_an_older_commit_never_replaces_the_comment_for_the_newer_one()
    {
        await using var app = await GitHubAppHarness.StartAsync();
        const string oldSha = "1111111111111111111111111111111111111111", newSha = "2222222222222222222222222222222222222222";
        var pr = app.GitHub.AddPullRequest(Repo, newSha, "fix-parser");
        var oldRun = app.GitHub.AddRun(Repo, Workflow, oldSha, "fix-parser", "failure");
        app.GitHub.AddJob(Repo, oldRun, "old-job", "failure", "error: the old commit's failure\n");
        var newRun = app.GitHub.AddRun(Repo, Workflow, newSha, "fix-parser", "failure");
        app.GitHub.AddJob(Repo, newRun, "new-job", "failure", "error: the new commit's failure\n");
        WorkflowRunEvent Event(long runId, string sha, string startedAt) => WebhookPayload.Parse("workflow_run", Encoding.UTF8.GetBytes(
            WorkflowRunPayload.Completed(runId: runId, headSha: sha, workflowId: Workflow, runStartedAt: startedAt,
                pullRequests: [WorkflowRunPayload.PullRequest(pr, headSha: sha)]).ToJsonString())).ShouldBeOfType<ParsedWebhook.Analyze>().Run;

        // The newer commit's run finishes first; the older one's slow analysis ends afterwards.
        var newer = await app.AdvancingAsync(app.Analysis.RunAsync(Event(newRun, newSha, "2026-11-23T10:05:00Z")));
        var older = await app.AdvancingAsync(app.Analysis.RunAsync(Event(oldRun, oldSha, "2026-11-23T10:00:00Z")));
        var olderQuota = await app.Analysis.ReportQuotaReachedAsync(Event(oldRun, oldSha, "2026-11-23T10:00:00Z"), null);

        newer.Comments.ShouldHaveSingleItem().Change.ShouldBe(CommentChange.Created);
        older.Comments.ShouldHaveSingleItem().Change.ShouldBe(CommentChange.Superseded);
        olderQuota.ShouldHaveSingleItem().Change.ShouldBe(CommentChange.Superseded);
        var comment = app.GitHub.Comments(Repo, pr).ShouldHaveSingleItem();
        comment.Body.ShouldContain("new-job");
        comment.Body.ShouldNotContain("old-job");
        comment.Edits.ShouldBe(0);
    }

    [Fact]
    public async Task A_newer_commits_result_replaces_the_older_ones()
    {
        await using var app = await GitHubAppHarness.StartAsync();
        const string oldSha = "1111111111111111111111111111111111111111", newSha = "2222222222222222222222222222222222222222";
        var pr = app.GitHub.AddPullRequest(Repo, newSha, "fix-parser");
        var oldRun = app.GitHub.AddRun(Repo, Workflow, oldSha, "fix-parser", "failure");
        app.GitHub.AddJob(Repo, oldRun, "old-job", "failure", "error: the old commit's failure\n");
        var newRun = app.GitHub.AddRun(Repo, Workflow, newSha, "fix-parser", "failure");
        app.GitHub.AddJob(Repo, newRun, "new-job", "failure", "error: the new commit's failure\n");
        WorkflowRunEvent Event(long runId, string sha, string startedAt) => WebhookPayload.Parse("workflow_run", Encoding.UTF8.GetBytes(
            WorkflowRunPayload.Completed(runId: runId, headSha: sha, workflowId: Workflow, runStartedAt: startedAt,
                pullRequests: [WorkflowRunPayload.PullRequest(pr, headSha: sha)]).ToJsonString())).ShouldBeOfType<ParsedWebhook.Analyze>().Run;

        await app.AdvancingAsync(app.Analysis.RunAsync(Event(oldRun, oldSha, "2026-11-23T10:00:00Z")));
        var newer = await app.AdvancingAsync(app.Analysis.RunAsync(Event(newRun, newSha, "2026-11-23T10:05:00Z")));

        newer.Comments.ShouldHaveSingleItem().Change.ShouldBe(CommentChange.Updated);
        var comment = app.GitHub.Comments(Repo, pr).ShouldHaveSingleItem();
        comment.Body.ShouldContain("new-job");
        comment.Body.ShouldNotContain("old-job");
    }

    [Fact]
    public async Task A_run_without_a_pull_request_is_analysed_but_nothing_is_posted()
    {
        await using var app = await GitHubAppHarness.StartAsync();
        var (failRun, _, _) = Arrange(app, fromFork: false, withPullRequest: false);

        var report = await app.AdvancingAsync(app.Analysis.RunAsync(ParseWebhook(failRun, pullRequests: [])));

        report.JobsAnalyzed.ShouldBe(1);
        report.Comments.ShouldBeEmpty();
        app.GitHub.Requests.ShouldNotContain(r => r.Method == "POST" && r.Path.Contains("/comments", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Without_a_passing_run_the_failed_log_is_analysed_alone()
    {
        await using var app = await GitHubAppHarness.StartAsync();
        var (failRun, _, pr) = Arrange(app, fromFork: false, withPassingRun: false);

        var report = await app.AdvancingAsync(app.Analysis.RunAsync(ParseWebhook(failRun, pullRequests: [WorkflowRunPayload.PullRequest(pr, headSha: FailedSha)])));

        var job = report.Jobs.ShouldHaveSingleItem();
        job.ComparedWith.ShouldBeNull();
        job.Result.ShouldNotBeNull().UsedPassLog.ShouldBeFalse();
        job.Result.Blocks.ShouldNotBeEmpty();
    }

    [Fact]
    public async Task When_the_plan_limit_is_reached_the_pull_request_is_told_once()
    {
        await using var app = await GitHubAppHarness.StartAsync();
        var (failRun, _, pr) = Arrange(app, fromFork: true);
        var run = ParseWebhook(failRun, pullRequests: []);

        var first = await app.Analysis.ReportQuotaReachedAsync(run, new Uri("https://keel.example/billing"));
        var second = await app.Analysis.ReportQuotaReachedAsync(run, new Uri("https://keel.example/billing"));

        first.ShouldHaveSingleItem().Change.ShouldBe(CommentChange.Created);
        second.ShouldHaveSingleItem().Change.ShouldBe(CommentChange.Unchanged);
        var comment = app.GitHub.Comments(Repo, pr).ShouldHaveSingleItem();
        ReportComment.IsQuotaReached(comment.Body).ShouldBeTrue();
        app.GitHub.Requests.ShouldNotContain(r => r.Path.EndsWith("/logs", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_revoked_token_fails_the_attempt_and_the_retry_uses_a_new_token()
    {
        await using var app = await GitHubAppHarness.StartAsync();
        var (failRun, _, pr) = Arrange(app, fromFork: false);
        var run = ParseWebhook(failRun, pullRequests: [WorkflowRunPayload.PullRequest(pr, headSha: FailedSha)]);
        await app.TokenAsync();
        app.GitHub.RevokeTokens(GitHubAppHarness.InstallationId);

        var refused = await Should.ThrowAsync<GitHubApiException>(() => app.AdvancingAsync(app.Analysis.RunAsync(run)));
        var retried = await app.AdvancingAsync(app.Analysis.RunAsync(run));

        refused.Status.ShouldBe(System.Net.HttpStatusCode.Unauthorized);
        retried.Comments.ShouldHaveSingleItem().Change.ShouldBe(CommentChange.Created);
        app.GitHub.TokensIssued.ShouldBe(2);
    }

    [Fact]
    public async Task Jobs_of_an_earlier_attempt_and_jobs_that_did_not_fail_are_not_analysed()
    {
        await using var app = await GitHubAppHarness.StartAsync();
        var run = app.GitHub.AddRun(Repo, Workflow, FailedSha, "fix-parser", "failure", attempt: 2);
        app.GitHub.AddJob(Repo, run, "flaky", "failure", "error: first attempt\n", attempt: 1);
        app.GitHub.AddJob(Repo, run, "flaky", "failure", "error: second attempt\n");
        app.GitHub.AddJob(Repo, run, "cancelled", "cancelled", "cancelled\n");
        app.GitHub.AddJob(Repo, run, "timeout", "timed_out", "##[error]The job running on runner X has exceeded the maximum execution time of 360 minutes.\n");
        var body = WorkflowRunPayload.Completed(runId: run, headSha: FailedSha, workflowId: Workflow);
        body["workflow_run"]!["run_attempt"] = 2;
        var parsed = WebhookPayload.Parse("workflow_run", Encoding.UTF8.GetBytes(body.ToJsonString())).ShouldBeOfType<ParsedWebhook.Analyze>().Run;

        var report = await app.AdvancingAsync(app.Analysis.RunAsync(parsed));

        report.Jobs.Select(j => j.JobName).ShouldBe(["flaky", "timeout"]);
        report.Jobs.ShouldAllBe(j => j.Result != null);
    }

    /// <summary>A passing run on main, a failed run of the pull request's head with the two real logs, and the pull request.</summary>
    private static (long FailRun, long FailJob, int PullRequest) Arrange(GitHubAppHarness app, bool fromFork, bool withPassingRun = true, bool withPullRequest = true)
    {
        var breakage = Breakage.Value;
        if (withPassingRun)
        {
            var passRun = app.GitHub.AddRun(Repo, Workflow, "0f0f0f0f", "main", "success");
            app.GitHub.AddJob(Repo, passRun, JobName, "success", File.ReadAllText(breakage.PassLogPath!));
        }

        var failRun = app.GitHub.AddRun(Repo, Workflow, FailedSha, "fix-parser", "failure");
        var failJob = app.GitHub.AddJob(Repo, failRun, JobName, "failure", File.ReadAllText(breakage.FailLogPath));
        app.GitHub.AddJob(Repo, failRun, "lint", "success", "all good\n");
        var pr = withPullRequest ? app.GitHub.AddPullRequest(Repo, FailedSha, "fix-parser", "main", fromFork) : 0;
        return (failRun, failJob, pr);
    }

    private static WorkflowRunEvent ParseWebhook(long runId, JsonArray pullRequests)
    {
        var body = WorkflowRunPayload.Completed(runId: runId, headSha: FailedSha, workflowId: Workflow, pullRequests: pullRequests);
        return WebhookPayload.Parse("workflow_run", Encoding.UTF8.GetBytes(body.ToJsonString())).ShouldBeOfType<ParsedWebhook.Analyze>().Run;
    }
}
