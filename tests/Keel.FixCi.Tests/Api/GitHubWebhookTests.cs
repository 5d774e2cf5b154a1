using System.Net;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;
using Keel.FixCi.Comments;
using Keel.FixCi.Data;
using Keel.FixCi.Tests.GitHub;
using Keel.Platform.Data;
using Keel.Platform.Usage;
using Keel.Testing;
using Keel.Testing.GitHub;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Keel.FixCi.Tests.Api;

/// <summary>The GitHub App end to end through the real server: signed webhook → stored job → analysis → one PR comment.</summary>
public sealed class GitHubWebhookTests : IAsyncLifetime
{
    private const string Repo = "octo/widgets";
    private const string Sha = "acb5820ced9479c074f688cc328bf03f341a511d";
    private const string Secret = "webhook secret";
    private const string FailLog = "Run dotnet test\nsrc/Parser.cs(12,5): error CS1002: ; expected [/src/App.csproj]\nBuild FAILED.\n##[error]Process completed with exit code 1.\n";

    private readonly RSA _key = RSA.Create(2048);
    private FakeGitHub _gitHub = null!;
    private KeelTestServer _server = null!;

    public async Task InitializeAsync()
    {
        _gitHub = await FakeGitHub.StartAsync(GitHubAppHarness.AppId, _key, TimeProvider.System);
        _gitHub.AddInstallation(GitHubAppHarness.InstallationId, [Repo]);
        _server = await KeelTestServer.StartAsync(o =>
        {
            o.Settings["Keel:FixCi:GitHub:AppId"] = GitHubAppHarness.AppId;
            o.Settings["Keel:FixCi:GitHub:PrivateKeyPem"] = _key.ExportRSAPrivateKeyPem();
            o.Settings["Keel:FixCi:GitHub:ApiBaseUrl"] = _gitHub.BaseUrl;
            o.Settings["Keel:FixCi:GitHub:WebhookSecrets:0"] = Secret;
            o.Settings["Keel:FixCi:GitHub:LogRetryDelay"] = "00:00:00.050";
            o.Settings["Keel:Limits:Anonymous:Permits"] = "3";
        });
    }

    public async Task DisposeAsync()
    {
        await _server.DisposeAsync();
        await _gitHub.DisposeAsync();
        _key.Dispose();
    }

    private (long Run, int PullRequest, string Body) FailedRun()
    {
        var run = _gitHub.AddRun(Repo, 159038, Sha, "fix-parser", "failure");
        _gitHub.AddJob(Repo, run, "build", "failure", FailLog);
        var pr = _gitHub.AddPullRequest(Repo, Sha, "fix-parser");
        var body = WorkflowRunPayload.Completed(runId: run, headSha: Sha, pullRequests: [WorkflowRunPayload.PullRequest(pr, headSha: Sha)]).ToJsonString();
        return (run, pr, body);
    }

    private async Task<HttpResponseMessage> DeliverAsync(string body, string delivery, string? secret = Secret, string eventName = "workflow_run")
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "/fixci/github/webhook") { Content = new StringContent(body, Encoding.UTF8, "application/json") };
        request.Headers.Add("X-GitHub-Event", eventName);
        request.Headers.Add("X-GitHub-Delivery", delivery);
        if (secret is not null)
            request.Headers.Add("X-Hub-Signature-256", "sha256=" + Convert.ToHexStringLower(HMACSHA256.HashData(Encoding.UTF8.GetBytes(secret), Encoding.UTF8.GetBytes(body))));
        return await _server.CreateClient().SendAsync(request);
    }

    private async Task<FakeComment> OurCommentAsync(int pullRequest)
    {
        for (var i = 0; i < 300; i++)
        {
            if (_gitHub.Comments(Repo, pullRequest).FirstOrDefault(c => c.Author == _gitHub.BotLogin) is { } comment) return comment;
            await Task.Delay(50);
        }
        throw new TimeoutException("FixCI never commented on the pull request.");
    }

    [Fact]
    public async Task A_failed_run_gets_one_comment_explaining_it_and_a_redelivery_changes_nothing()
    {
        var (_, pr, body) = FailedRun();
        var delivery = Guid.NewGuid().ToString();
        var accepted = await DeliverAsync(body, delivery);
        accepted.StatusCode.ShouldBe(HttpStatusCode.Accepted);

        var comment = await OurCommentAsync(pr);
        comment.Body.ShouldStartWith(ReportComment.Marker);
        comment.Body.ShouldContain("error CS1002");

        (await (await DeliverAsync(body, delivery)).JsonAsync())["duplicate"]!.GetValue<bool>().ShouldBeTrue();
        await using var scope = _server.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<KeelDbContext>();
        (await db.Set<AnalysisJob>().CountAsync()).ShouldBe(1);
        _gitHub.Comments(Repo, pr).Count(c => c.Author == _gitHub.BotLogin).ShouldBe(1);
    }

    [Fact]
    public async Task Deliveries_are_not_held_to_the_per_address_limit_of_anonymous_callers()
    {
        // GitHub sends every installation's events from the same few addresses; the limit here is 3 a minute.
        var success = WorkflowRunPayload.Completed(conclusion: "success").ToJsonString();
        for (var i = 0; i < 6; i++)
            (await DeliverAsync(success, Guid.NewGuid().ToString())).StatusCode.ShouldBe(HttpStatusCode.Accepted);
    }

    [Fact]
    public async Task Unsigned_or_wrongly_signed_deliveries_are_refused_and_stored_nowhere()
    {
        var (_, _, body) = FailedRun();
        (await DeliverAsync(body, Guid.NewGuid().ToString(), secret: null)).StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
        (await DeliverAsync(body, Guid.NewGuid().ToString(), secret: "not the secret")).StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
        await using var scope = _server.Services.CreateAsyncScope();
        (await scope.ServiceProvider.GetRequiredService<KeelDbContext>().Set<GitHubDelivery>().CountAsync()).ShouldBe(0);
    }

    [Fact]
    public async Task A_successful_run_is_acknowledged_and_ignored_and_malformed_payloads_are_400()
    {
        var success = WorkflowRunPayload.Completed(conclusion: "success").ToJsonString();
        (await (await DeliverAsync(success, Guid.NewGuid().ToString())).JsonAsync(HttpStatusCode.Accepted))["ignored"].ShouldNotBeNull();
        (await DeliverAsync("{\"workflow_run\": 5}", Guid.NewGuid().ToString())).StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await DeliverAsync("not json", Guid.NewGuid().ToString())).StatusCode.ShouldBe(HttpStatusCode.BadRequest);
    }

    [Fact]
    public async Task When_the_plans_analyses_are_used_up_the_pull_request_is_told_so_once()
    {
        await using (var scope = _server.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<KeelDbContext>();
            db.Set<UsageRecord>().Add(new UsageRecord
            {
                Id = Guid.NewGuid(), Owner = $"github:{GitHubAppHarness.InstallationId}", Product = "fixci", Feature = "analyses_per_month",
                Quantity = 50, IdempotencyKey = "earlier-runs", OccurredAt = DateTimeOffset.UtcNow,
            });
            await db.SaveChangesAsync();
        }
        var (_, pr, body) = FailedRun();
        (await DeliverAsync(body, Guid.NewGuid().ToString())).StatusCode.ShouldBe(HttpStatusCode.Accepted);
        var comment = await OurCommentAsync(pr);
        comment.Body.ShouldContain(ReportComment.QuotaMarker);
        comment.Body.ShouldNotContain("error CS1002");
    }
}
