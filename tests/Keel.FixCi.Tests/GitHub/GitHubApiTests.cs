using System.Net;
using Keel.FixCi.GitHub;

namespace Keel.FixCi.Tests.GitHub;

public sealed class GitHubApiTests
{
    private const string Repo = GitHubAppHarness.Repository;
    private static readonly RepositoryName RepoName = GitHubAppHarness.RepositoryName;

    [Fact]
    public async Task A_log_that_is_404_until_the_job_finishes_is_fetched_once_ready()
    {
        await using var app = await GitHubAppHarness.StartAsync();
        var run = app.GitHub.AddRun(Repo, 1, "abc", "feature", "failure");
        var job = app.GitHub.AddJob(Repo, run, "build", "failure", "line one\nerror: it broke\n");
        app.GitHub.SetLogNotFound(job, 3);
        var token = await app.TokenAsync();
        var started = app.Time.GetUtcNow();

        await using var log = await app.AdvancingAsync(app.Api.OpenJobLogAsync(token, RepoName, job, default));

        log.ShouldNotBeNull();
        (await new StreamReader(log).ReadToEndAsync()).ShouldBe("line one\nerror: it broke\n");
        LogRequests(app, job).Select(r => r.Status).ShouldBe([404, 404, 404, 302]);
        // Waited 2 + 4 + 8 seconds of (fake) time between the attempts.
        (app.Time.GetUtcNow() - started).ShouldBeGreaterThanOrEqualTo(TimeSpan.FromSeconds(14));
    }

    [Fact]
    public async Task A_log_that_never_appears_gives_up_after_the_configured_attempts()
    {
        await using var app = await GitHubAppHarness.StartAsync();
        var run = app.GitHub.AddRun(Repo, 1, "abc", "feature", "failure");
        var job = app.GitHub.AddJob(Repo, run, "build", "failure", "never seen");
        app.GitHub.SetLogNotFound(job, 1_000);
        var token = await app.TokenAsync();

        var log = await app.AdvancingAsync(app.Api.OpenJobLogAsync(token, RepoName, job, default));

        log.ShouldBeNull();
        LogRequests(app, job).Count.ShouldBe(app.Options.LogAttempts);
    }

    [Fact]
    public async Task The_log_redirect_is_followed_without_sending_the_token_to_the_storage_host()
    {
        await using var app = await GitHubAppHarness.StartAsync();
        var run = app.GitHub.AddRun(Repo, 1, "abc", "feature", "failure");
        var job = app.GitHub.AddJob(Repo, run, "build", "failure", "the log");
        var token = await app.TokenAsync();

        await using var log = await app.Api.OpenJobLogAsync(token, RepoName, job, default);

        (await new StreamReader(log!).ReadToEndAsync()).ShouldBe("the log");
        var requests = app.GitHub.Requests;
        requests.Single(r => r.Path.EndsWith("/logs", StringComparison.Ordinal)).Authorization.ShouldBe($"Bearer {token}");
        var blob = requests.Single(r => r.Path.StartsWith("/_blobs/", StringComparison.Ordinal));
        blob.Authorization.ShouldBeNull();
        blob.Status.ShouldBe(200);
    }

    [Fact]
    public async Task The_fake_storage_host_refuses_a_request_carrying_a_token_as_the_real_one_does()
    {
        await using var app = await GitHubAppHarness.StartAsync();
        var run = app.GitHub.AddRun(Repo, 1, "abc", "feature", "failure");
        var job = app.GitHub.AddJob(Repo, run, "build", "failure", "the log");
        var token = await app.TokenAsync();
        using var http = new HttpClient(new SocketsHttpHandler { AllowAutoRedirect = false });
        http.DefaultRequestHeaders.UserAgent.ParseAdd("keel-tests");
        using var logs = new HttpRequestMessage(HttpMethod.Get, $"{app.GitHub.BaseUrl}/repos/{Repo}/actions/jobs/{job}/logs");
        logs.Headers.Authorization = new("Bearer", token);
        using var redirect = await http.SendAsync(logs);
        using var blob = new HttpRequestMessage(HttpMethod.Get, redirect.Headers.Location);
        blob.Headers.Authorization = new("Bearer", token);

        using var refused = await http.SendAsync(blob);

        redirect.StatusCode.ShouldBe(HttpStatusCode.Found);
        refused.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
    }

    [Fact]
    public async Task All_pages_of_a_runs_jobs_are_listed()
    {
        await using var app = await GitHubAppHarness.StartAsync();
        app.GitHub.MaxPageSize = 2;
        var run = app.GitHub.AddRun(Repo, 1, "abc", "feature", "failure");
        for (var i = 1; i <= 5; i++)
        {
            app.GitHub.AddJob(Repo, run, $"job {i}", i % 2 == 0 ? "failure" : "success", "log");
        }
        var token = await app.TokenAsync();

        var jobs = await app.Api.ListJobsAsync(token, RepoName, run, default);

        jobs.Select(j => j.Name).ShouldBe(["job 1", "job 2", "job 3", "job 4", "job 5"]);
        jobs.Where(j => j.Failed).Select(j => j.Name).ShouldBe(["job 2", "job 4"]);
        app.GitHub.Requests.Count(r => r.Path.EndsWith("/jobs", StringComparison.Ordinal)).ShouldBe(3);
    }

    [Fact]
    public async Task The_last_successful_run_of_the_workflow_on_the_branch_is_found()
    {
        await using var app = await GitHubAppHarness.StartAsync();
        app.GitHub.AddRun(Repo, 1, "old", "main", "success");
        var latest = app.GitHub.AddRun(Repo, 1, "new", "main", "success");
        app.GitHub.AddRun(Repo, 1, "broken", "main", "failure");
        app.GitHub.AddRun(Repo, 2, "other-workflow", "main", "success");
        app.GitHub.AddRun(Repo, 1, "other-branch", "feature", "success");
        var token = await app.TokenAsync();

        var found = await app.Api.FindLastSuccessfulRunAsync(token, RepoName, 1, "main", default);
        var none = await app.Api.FindLastSuccessfulRunAsync(token, RepoName, 1, "release", default);

        found.ShouldNotBeNull();
        found.Id.ShouldBe(latest);
        found.HeadSha.ShouldBe("new");
        none.ShouldBeNull();
    }

    [Fact]
    public async Task A_pull_request_from_a_fork_is_found_by_its_head_sha()
    {
        await using var app = await GitHubAppHarness.StartAsync();
        app.GitHub.MaxPageSize = 2;
        app.GitHub.AddPullRequest(Repo, "111", "a");
        var fork = app.GitHub.AddPullRequest(Repo, "f0e1d2", "patch-1", baseBranch: "develop", fromFork: true);
        app.GitHub.AddPullRequest(Repo, "333", "c");
        app.GitHub.AddPullRequest(Repo, "444", "d");
        var token = await app.TokenAsync();

        var found = await app.Api.FindOpenPullRequestAsync(token, RepoName, "f0e1d2", default);

        found.ShouldBe(new PullRequestRef(fork, "develop", "f0e1d2"));
    }

    [Fact]
    public async Task A_pull_request_from_the_same_repository_is_found_by_commit()
    {
        await using var app = await GitHubAppHarness.StartAsync();
        var number = app.GitHub.AddPullRequest(Repo, "abc123", "feature");
        var token = await app.TokenAsync();

        var found = await app.Api.FindOpenPullRequestAsync(token, RepoName, "abc123", default);

        found.ShouldBe(new PullRequestRef(number, "main", "abc123"));
        app.GitHub.Requests.ShouldNotContain(r => r.Path.EndsWith("/pulls", StringComparison.Ordinal) && r.Query.Contains("state=open"));
    }

    [Fact]
    public async Task A_closed_pull_request_or_an_unknown_sha_finds_nothing()
    {
        await using var app = await GitHubAppHarness.StartAsync();
        var closed = app.GitHub.AddPullRequest(Repo, "abc123", "feature", fromFork: true);
        app.GitHub.ClosePullRequest(Repo, closed);
        var token = await app.TokenAsync();

        (await app.Api.FindOpenPullRequestAsync(token, RepoName, "abc123", default)).ShouldBeNull();
        (await app.Api.FindOpenPullRequestAsync(token, RepoName, "ffffff", default)).ShouldBeNull();
    }

    [Fact]
    public async Task A_bad_token_is_refused_with_GitHubs_message()
    {
        await using var app = await GitHubAppHarness.StartAsync();

        var error = await Should.ThrowAsync<GitHubApiException>(() => app.Api.ListJobsAsync("ghs_not_a_token", RepoName, 1, default));

        error.Status.ShouldBe(HttpStatusCode.Unauthorized);
        error.Message.ShouldContain("Bad credentials");
    }

    [Fact]
    public async Task A_repository_the_installation_cannot_see_is_not_found()
    {
        await using var app = await GitHubAppHarness.StartAsync();
        app.GitHub.AddInstallation(77, ["acme/rockets"]);
        var token = await app.TokenAsync();

        var error = await Should.ThrowAsync<GitHubApiException>(() => app.Api.ListIssueCommentsAsync(token, new RepositoryName("acme", "rockets"), 1, default));

        error.Status.ShouldBe(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task Requests_for_a_renamed_repository_follow_GitHubs_301_with_the_same_method_and_body()
    {
        await using var app = await GitHubAppHarness.StartAsync();
        var pr = app.GitHub.AddPullRequest(Repo, "abc", "feature");
        var token = await app.TokenAsync();
        var created = await app.Api.CreateIssueCommentAsync(token, RepoName, pr, "before", default);
        app.GitHub.RenameRepository(Repo, "octo/gadgets");

        var updated = await app.Api.UpdateIssueCommentAsync(token, RepoName, created.Id, "after", default);
        var comments = await app.Api.ListIssueCommentsAsync(token, RepoName, pr, default);

        updated.Body.ShouldBe("after");
        comments.ShouldHaveSingleItem().Body.ShouldBe("after");
        app.GitHub.Comments("octo/gadgets", pr).ShouldHaveSingleItem().Edits.ShouldBe(1);
        app.GitHub.Requests.Count(r => r.Status == 301).ShouldBe(2);
    }

    private static List<Keel.Testing.GitHub.GitHubRequest> LogRequests(GitHubAppHarness app, long job) =>
        app.GitHub.Requests.Where(r => r.Path == $"/repos/{Repo}/actions/jobs/{job}/logs").ToList();
}
