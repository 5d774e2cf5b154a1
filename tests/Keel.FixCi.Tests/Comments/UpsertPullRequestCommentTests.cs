using Keel.FixCi.Comments;
using Keel.FixCi.Tests.GitHub;

namespace Keel.FixCi.Tests.Comments;

public sealed class UpsertPullRequestCommentTests
{
    private const string Repo = GitHubAppHarness.Repository;

    [Fact]
    public async Task The_comment_is_created_once_then_updated_in_place()
    {
        await using var app = await GitHubAppHarness.StartAsync();
        var pr = app.GitHub.AddPullRequest(Repo, "abc", "feature");
        var token = await app.TokenAsync();

        var first = await app.Upsert.RunAsync(token, GitHubAppHarness.RepositoryName, pr, ReportComment.Marker + "\nfirst");
        var second = await app.Upsert.RunAsync(token, GitHubAppHarness.RepositoryName, pr, ReportComment.Marker + "\nsecond");

        first.Change.ShouldBe(CommentChange.Created);
        second.Change.ShouldBe(CommentChange.Updated);
        second.CommentId.ShouldBe(first.CommentId);
        var comment = app.GitHub.Comments(Repo, pr).ShouldHaveSingleItem();
        comment.Id.ShouldBe(first.CommentId);
        comment.Body.ShouldBe(ReportComment.Marker + "\nsecond");
        comment.Author.ShouldBe(app.GitHub.BotLogin);
        comment.Edits.ShouldBe(1);
    }

    [Fact]
    public async Task An_earlier_attempt_of_the_same_run_never_replaces_a_later_attempts_comment()
    {
        await using var app = await GitHubAppHarness.StartAsync();
        var pr = app.GitHub.AddPullRequest(Repo, "abc", "feature");
        var token = await app.TokenAsync();
        var started = new DateTimeOffset(2026, 11, 23, 10, 0, 0, TimeSpan.Zero);
        string Body(int attempt, DateTimeOffset at) => $"{ReportComment.Marker}\n{new CommentStamp("abc", 7, attempt, at).ToMarkdown()}\nattempt {attempt}";

        await app.Upsert.RunAsync(token, GitHubAppHarness.RepositoryName, pr, Body(2, started.AddMinutes(5)));
        var late = await app.Upsert.RunAsync(token, GitHubAppHarness.RepositoryName, pr, Body(1, started));
        var third = await app.Upsert.RunAsync(token, GitHubAppHarness.RepositoryName, pr, Body(3, started.AddMinutes(9)));

        late.Change.ShouldBe(CommentChange.Superseded);
        third.Change.ShouldBe(CommentChange.Updated);
        app.GitHub.Comments(Repo, pr).ShouldHaveSingleItem().Body.ShouldEndWith("attempt 3");
    }

    [Fact]
    public void Stamps_survive_the_comment_and_order_runs()
    {
        var at = new DateTimeOffset(2026, 11, 23, 10, 0, 0, TimeSpan.Zero);
        var stamp = new CommentStamp("acb5820", 30433642, 2, at);
        CommentStamp.Read($"{ReportComment.Marker}\n{stamp.ToMarkdown()}\nbody").ShouldBe(stamp);
        CommentStamp.Read(ReportComment.Marker + "\nno stamp").ShouldBeNull();

        new CommentStamp("old", 1, 1, at).IsOlderThan(new CommentStamp("new", 2, 1, at.AddMinutes(1))).ShouldBeTrue();
        new CommentStamp("new", 2, 1, at.AddMinutes(1)).IsOlderThan(new CommentStamp("old", 1, 1, at)).ShouldBeFalse();
        // Another workflow of the same commit: the run that finished last is shown, as before.
        new CommentStamp("same", 1, 1, at).IsOlderThan(new CommentStamp("same", 2, 1, at.AddMinutes(1))).ShouldBeFalse();
        // Without a start time on either side nothing can be said: write.
        new CommentStamp("old", 1, 1, null).IsOlderThan(new CommentStamp("new", 2, 1, at)).ShouldBeFalse();
    }

    [Fact]
    public async Task Other_comments_are_never_taken_for_ours()
    {
        await using var app = await GitHubAppHarness.StartAsync();
        app.GitHub.MaxPageSize = 2;
        var pr = app.GitHub.AddPullRequest(Repo, "abc", "feature");
        app.GitHub.AddComment(Repo, pr, "Coverage decreased by 2% <!-- codecov -->", "codecov[bot]");
        app.GitHub.AddComment(Repo, pr, "Why does CI fail? Is <!-- fixci:report --> the marker?", "octocat");
        var token = await app.TokenAsync();

        var first = await app.Upsert.RunAsync(token, GitHubAppHarness.RepositoryName, pr, ReportComment.Marker + "\nfirst");
        app.GitHub.AddComment(Repo, pr, "LGTM", "reviewer");
        app.GitHub.AddComment(Repo, pr, "Deploy preview ready", "netlify[bot]");
        var second = await app.Upsert.RunAsync(token, GitHubAppHarness.RepositoryName, pr, ReportComment.Marker + "\nsecond");

        first.Change.ShouldBe(CommentChange.Created);
        second.Change.ShouldBe(CommentChange.Updated);
        second.CommentId.ShouldBe(first.CommentId);
        var comments = app.GitHub.Comments(Repo, pr);
        comments.Count.ShouldBe(5);
        comments.Count(c => ReportComment.IsOurs(c.Body)).ShouldBe(1);
        comments.Where(c => c.Author != app.GitHub.BotLogin).ShouldAllBe(c => c.Edits == 0);
    }

    [Fact]
    public async Task The_same_body_again_sends_no_edit()
    {
        await using var app = await GitHubAppHarness.StartAsync();
        var pr = app.GitHub.AddPullRequest(Repo, "abc", "feature");
        var token = await app.TokenAsync();

        await app.Upsert.RunAsync(token, GitHubAppHarness.RepositoryName, pr, ReportComment.Marker + "\nsame");
        var again = await app.Upsert.RunAsync(token, GitHubAppHarness.RepositoryName, pr, ReportComment.Marker + "\nsame");

        again.Change.ShouldBe(CommentChange.Unchanged);
        app.GitHub.Comments(Repo, pr).ShouldHaveSingleItem().Edits.ShouldBe(0);
    }

    [Fact]
    public async Task Concurrent_upserts_for_one_pull_request_leave_one_comment()
    {
        await using var app = await GitHubAppHarness.StartAsync();
        var pr = app.GitHub.AddPullRequest(Repo, "abc", "feature");
        var token = await app.TokenAsync();

        await Task.WhenAll(Enumerable.Range(0, 8).Select(i =>
            Task.Run(() => app.Upsert.RunAsync(token, GitHubAppHarness.RepositoryName, pr, $"{ReportComment.Marker}\nrun {i}"))));

        app.GitHub.Comments(Repo, pr).ShouldHaveSingleItem();
    }

    [Fact]
    public async Task The_quota_notice_replaces_the_report_and_is_said_only_once()
    {
        await using var app = await GitHubAppHarness.StartAsync();
        var pr = app.GitHub.AddPullRequest(Repo, "abc", "feature");
        var token = await app.TokenAsync();
        var quota = ReportComment.RenderQuotaReached(null);

        await app.Upsert.RunAsync(token, GitHubAppHarness.RepositoryName, pr, ReportComment.Marker + "\nan earlier analysis");
        var first = await app.Upsert.RunAsync(token, GitHubAppHarness.RepositoryName, pr, quota);
        var again = await app.Upsert.RunAsync(token, GitHubAppHarness.RepositoryName, pr, ReportComment.RenderQuotaReached(new Uri("https://keel.example/upgrade")));

        first.Change.ShouldBe(CommentChange.Updated);
        again.Change.ShouldBe(CommentChange.Unchanged);
        var comment = app.GitHub.Comments(Repo, pr).ShouldHaveSingleItem();
        comment.Body.ShouldBe(quota);
        comment.Edits.ShouldBe(1);
    }

    [Fact]
    public async Task A_body_without_the_marker_is_refused_because_it_could_never_be_found_again()
    {
        await using var app = await GitHubAppHarness.StartAsync();

        await Should.ThrowAsync<ArgumentException>(() => app.Upsert.RunAsync("token", GitHubAppHarness.RepositoryName, 1, "no marker"));
    }
}
