using System.Net;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;
using Keel.FixCi.Comments;
using Keel.FixCi.Data;
using Keel.FixCi.Tests.GitHub;
using Keel.Platform.Data;
using Keel.Testing;
using Keel.Testing.GitHub;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Keel.FixCi.Tests.Api;

/// <summary>
/// Installations and repositories through the real server: recorded from webhooks, linked to a Keel organization only
/// with GitHub's proof that the user controls the installation, and their settings applied to the analyses.
/// </summary>
public sealed class InstallationsApiTests : IAsyncLifetime
{
    private const string Repo = "octo/widgets";
    private const long RepoId = 1296269;
    private const long Installation = GitHubAppHarness.InstallationId;
    private const string Secret = "webhook secret";
    private const string ClientId = "Iv1.8a61f9b3a7aba766";
    private const string ClientSecret = "oauth client secret";
    private const string FailLog = "Run dotnet test\nsrc/Parser.cs(12,5): error CS1002: ; expected [/src/App.csproj]\nBuild FAILED.\n##[error]Process completed with exit code 1.\n";

    private readonly RSA _key = RSA.Create(2048);
    private FakeGitHub _gitHub = null!;
    private KeelTestServer _server = null!;

    public async Task InitializeAsync()
    {
        _gitHub = await FakeGitHub.StartAsync(GitHubAppHarness.AppId, _key, TimeProvider.System);
        _gitHub.AddInstallation(Installation, [Repo]);
        _gitHub.AddInstallation(99, ["someone-else/thing"]);
        _gitHub.EnableUserAuthorization(ClientId, ClientSecret);
        _server = await KeelTestServer.StartAsync(o =>
        {
            o.Settings["Keel:FixCi:GitHub:AppId"] = GitHubAppHarness.AppId;
            o.Settings["Keel:FixCi:GitHub:PrivateKeyPem"] = _key.ExportRSAPrivateKeyPem();
            o.Settings["Keel:FixCi:GitHub:ApiBaseUrl"] = _gitHub.BaseUrl;
            o.Settings["Keel:FixCi:GitHub:WebBaseUrl"] = _gitHub.BaseUrl;
            o.Settings["Keel:FixCi:GitHub:AppSlug"] = "fixci";
            o.Settings["Keel:FixCi:GitHub:ClientId"] = ClientId;
            o.Settings["Keel:FixCi:GitHub:ClientSecret"] = ClientSecret;
            o.Settings["Keel:FixCi:GitHub:WebhookSecrets:0"] = Secret;
            o.Settings["Keel:FixCi:GitHub:LogRetryDelay"] = "00:00:00.050";
        });
    }

    public async Task DisposeAsync()
    {
        await _server.DisposeAsync();
        await _gitHub.DisposeAsync();
        _key.Dispose();
    }

    [Fact]
    public async Task A_linked_installation_counts_against_the_organizations_plan_and_its_repository_settings_apply()
    {
        (await DeliverAsync(InstallationCreated(), "installation")).StatusCode.ShouldBe(HttpStatusCode.Accepted);
        var (admin, _, _) = await _server.SignUpAsync("admin");
        var orgId = await admin.CreateOrganizationAsync();
        var api = $"/fixci/api/organizations/{orgId}";
        (await (await admin.GetAsync($"{api}/installations")).JsonAsync())["installations"]!.AsArray().ShouldBeEmpty();

        var linked = await SetupAsync(admin, await StateAsync(admin, orgId), _gitHub.AuthorizeUser(Installation));
        linked.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        linked.Headers.Location!.OriginalString.ShouldBe($"/dashboard/fixci?fixci_installation={Installation}");

        var list = await (await admin.GetAsync($"{api}/installations")).JsonAsync();
        var installation = list["installations"]!.AsArray().ShouldHaveSingleItem()!;
        installation["id"]!.GetValue<long>().ShouldBe(Installation);
        installation["account"]!.GetValue<string>().ShouldBe("octo");
        var repository = installation["repositories"]!.AsArray().ShouldHaveSingleItem()!;
        repository["fullName"]!.GetValue<string>().ShouldBe(Repo);
        repository["enabled"]!.GetValue<bool>().ShouldBeTrue();
        repository["commentStyle"]!.GetValue<string>().ShouldBe("full");
        list["usage"]!["used"]!.GetValue<long>().ShouldBe(0);
        list["usage"]!["limit"]!.GetValue<long>().ShouldBe(50);

        var compact = await (await Patch(admin, $"{api}/repositories/{RepoId}", new { commentStyle = "compact" })).JsonAsync();
        compact["commentStyle"]!.GetValue<string>().ShouldBe("compact");
        (await Patch(admin, $"{api}/repositories/{RepoId}", new { commentStyle = "fancy" })).StatusCode.ShouldBe(HttpStatusCode.BadRequest);

        var pr = await FailedRunAsync(runSha: "aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa");
        var comment = await OurCommentAsync(pr);
        comment.Body.ShouldStartWith(ReportComment.Marker);
        comment.Body.ShouldContain("error CS1002");
        comment.Body.ShouldNotContain("<details>");
        await JobsDoneAsync(1);
        (await (await admin.GetAsync($"{api}/installations")).JsonAsync())["usage"]!["used"]!.GetValue<long>().ShouldBe(1);
        await using (var scope = _server.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<KeelDbContext>();
            (await db.UsageRecords.SingleAsync()).Owner.ShouldBe($"organization:{orgId}");
        }

        (await Patch(admin, $"{api}/repositories/{RepoId}", new { enabled = false })).StatusCode.ShouldBe(HttpStatusCode.OK);
        var quietPr = await FailedRunAsync(runSha: "bbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbb");
        var jobs = await JobsDoneAsync(2);
        jobs.OrderBy(j => j.CreatedAt).Last().Outcome.ShouldNotBeNull().ShouldContain("turned off");
        _gitHub.Comments(Repo, quietPr).ShouldBeEmpty();
        (await (await admin.GetAsync($"{api}/installations")).JsonAsync())["usage"]!["used"]!.GetValue<long>().ShouldBe(1);

        (await admin.DeleteAsync($"{api}/installations/{Installation}")).StatusCode.ShouldBe(HttpStatusCode.NoContent);
        (await (await admin.GetAsync($"{api}/installations")).JsonAsync())["installations"]!.AsArray().ShouldBeEmpty();
        (await admin.DeleteAsync($"{api}/installations/{Installation}")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        await using (var scope = _server.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<KeelDbContext>();
            var actions = await db.AuditEvents.Where(e => e.OrganizationId == orgId && e.Action.StartsWith("fixci.")).Select(e => e.Action).ToListAsync();
            actions.Order().ShouldBe(["fixci.installation_linked", "fixci.installation_unlinked", "fixci.repository_updated", "fixci.repository_updated"]);
        }
    }

    [Fact]
    public async Task Installation_webhooks_keep_the_repositories_and_the_installations_state_current()
    {
        var (admin, _, _) = await _server.SignUpAsync("admin");
        var orgId = await admin.CreateOrganizationAsync();
        (await SetupAsync(admin, await StateAsync(admin, orgId), _gitHub.AuthorizeUser(Installation))).StatusCode.ShouldBe(HttpStatusCode.Redirect);

        await DeliverAsync(InstallationCreated(), "installation");
        await DeliverAsync(new JsonObject
        {
            ["action"] = "added",
            ["installation"] = InstallationJson(),
            ["repository_selection"] = "selected",
            ["repositories_added"] = new JsonArray(Repository(555, "octo/gadgets")),
            ["repositories_removed"] = new JsonArray(Repository(RepoId, Repo)),
        }, "installation_repositories");
        await DeliverAsync(new JsonObject { ["action"] = "suspend", ["installation"] = InstallationJson() }, "installation");

        var installation = (await (await admin.GetAsync($"/fixci/api/organizations/{orgId}/installations")).JsonAsync())["installations"]!.AsArray().ShouldHaveSingleItem()!;
        installation["suspended"]!.GetValue<bool>().ShouldBeTrue();
        installation["repositories"]!.AsArray().Select(r => r!["fullName"]!.GetValue<string>()).ShouldBe(["octo/gadgets"]);
        (await DeliverAsync(new JsonObject { ["action"] = "added", ["installation"] = 5 }, "installation_repositories")).StatusCode.ShouldBe(HttpStatusCode.BadRequest);
    }

    [Fact]
    public async Task Linking_needs_GitHubs_proof_that_the_signed_in_admin_controls_the_installation()
    {
        var (admin, _, _) = await _server.SignUpAsync("admin");
        var orgId = await admin.CreateOrganizationAsync();
        var state = await StateAsync(admin, orgId);

        // The user can access another installation only; a forged or altered state; no code; a code GitHub refuses.
        (await SetupAsync(admin, state, _gitHub.AuthorizeUser(99))).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        (await SetupAsync(admin, state[..^2] + (state[^2] == 'A' ? "BB" : "AA"), _gitHub.AuthorizeUser(Installation))).StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await SetupAsync(admin, "not-a-state", _gitHub.AuthorizeUser(Installation))).StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await SetupAsync(admin, state, code: null)).StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await SetupAsync(admin, state, "made-up-code")).StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await admin.GetAsync($"/fixci/github/setup?installation_id=abc&state={state}")).StatusCode.ShouldBe(HttpStatusCode.BadRequest);

        // Someone else's state, even with a valid code of their own; and nobody signed in.
        var (other, _, _) = await _server.SignUpAsync("other");
        (await SetupAsync(other, state, _gitHub.AuthorizeUser(Installation))).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        (await SetupAsync(_server.CreateClient(), state, _gitHub.AuthorizeUser(Installation))).StatusCode.ShouldBe(HttpStatusCode.Unauthorized);

        await using (var scope = _server.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<KeelDbContext>();
            (await db.Set<Installation>().AnyAsync(i => i.OrganizationId != null)).ShouldBeFalse();
        }

        // A code is good once.
        var code = _gitHub.AuthorizeUser(Installation);
        (await SetupAsync(admin, state, code)).StatusCode.ShouldBe(HttpStatusCode.Redirect);
        (await SetupAsync(admin, state, code)).StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        _gitHub.CodeExchanges.Count(c => c == code).ShouldBe(2);
    }

    [Fact]
    public async Task Relinking_to_another_organization_moves_the_installation_and_is_audited_in_both()
    {
        var (admin, _, _) = await _server.SignUpAsync("admin");
        var first = await admin.CreateOrganizationAsync("First");
        var second = await admin.CreateOrganizationAsync("Second");
        await SetupAsync(admin, await StateAsync(admin, first), _gitHub.AuthorizeUser(Installation));
        (await SetupAsync(admin, await StateAsync(admin, second), _gitHub.AuthorizeUser(Installation))).StatusCode.ShouldBe(HttpStatusCode.Redirect);

        (await (await admin.GetAsync($"/fixci/api/organizations/{first}/installations")).JsonAsync())["installations"]!.AsArray().ShouldBeEmpty();
        (await (await admin.GetAsync($"/fixci/api/organizations/{second}/installations")).JsonAsync())["installations"]!.AsArray().Count.ShouldBe(1);
        await using var scope = _server.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<KeelDbContext>();
        (await db.AuditEvents.CountAsync(e => e.OrganizationId == first && e.Action == "fixci.installation_unlinked")).ShouldBe(1);
        (await db.AuditEvents.CountAsync(e => e.OrganizationId == second && e.Action == "fixci.installation_linked")).ShouldBe(1);
    }

    private async Task<string> StateAsync(HttpClient admin, Guid orgId)
    {
        var install = await (await admin.PostAsync($"/fixci/api/organizations/{orgId}/installations/install-url", null)).JsonAsync();
        var url = new Uri(install["url"]!.GetValue<string>());
        url.GetLeftPart(UriPartial.Path).ShouldBe($"{_gitHub.BaseUrl}/apps/fixci/installations/new");
        return Uri.UnescapeDataString(url.Query["?state=".Length..]);
    }

    private static Task<HttpResponseMessage> SetupAsync(HttpClient client, string state, string? code) =>
        client.GetAsync($"/fixci/github/setup?installation_id={Installation}&setup_action=install&state={Uri.EscapeDataString(state)}"
            + (code is null ? "" : $"&code={Uri.EscapeDataString(code)}"));

    private static Task<HttpResponseMessage> Patch(HttpClient client, string url, object body) =>
        client.PatchAsync(url, System.Net.Http.Json.JsonContent.Create(body));

    private static JsonObject InstallationJson() => new()
    {
        ["id"] = Installation,
        ["account"] = new JsonObject { ["login"] = "octo", ["id"] = 1, ["type"] = "Organization" },
        ["repository_selection"] = "selected",
        ["app_id"] = 123456,
    };

    private static JsonObject Repository(long id, string fullName) => new() { ["id"] = id, ["full_name"] = fullName, ["private"] = false };

    private static JsonObject InstallationCreated() => new()
    {
        ["action"] = "created",
        ["installation"] = InstallationJson(),
        ["repositories"] = new JsonArray(Repository(RepoId, Repo)),
        ["sender"] = new JsonObject { ["login"] = "octocat" },
    };

    private async Task<int> FailedRunAsync(string runSha)
    {
        var run = _gitHub.AddRun(Repo, 159038, runSha, "fix-parser", "failure");
        _gitHub.AddJob(Repo, run, "build", "failure", FailLog);
        var pr = _gitHub.AddPullRequest(Repo, runSha, "fix-parser");
        var body = WorkflowRunPayload.Completed(runId: run, headSha: runSha, pullRequests: [WorkflowRunPayload.PullRequest(pr, headSha: runSha)]);
        (await DeliverAsync(body, "workflow_run")).StatusCode.ShouldBe(HttpStatusCode.Accepted);
        return pr;
    }

    private async Task<HttpResponseMessage> DeliverAsync(JsonNode payload, string eventName)
    {
        var body = payload.ToJsonString();
        using var request = new HttpRequestMessage(HttpMethod.Post, "/fixci/github/webhook") { Content = new StringContent(body, Encoding.UTF8, "application/json") };
        request.Headers.Add("X-GitHub-Event", eventName);
        request.Headers.Add("X-GitHub-Delivery", Guid.NewGuid().ToString());
        request.Headers.Add("X-Hub-Signature-256", "sha256=" + Convert.ToHexStringLower(HMACSHA256.HashData(Encoding.UTF8.GetBytes(Secret), Encoding.UTF8.GetBytes(body))));
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

    private async Task<List<AnalysisJob>> JobsDoneAsync(int count)
    {
        for (var i = 0; i < 300; i++)
        {
            await using var scope = _server.Services.CreateAsyncScope();
            var jobs = await scope.ServiceProvider.GetRequiredService<KeelDbContext>().Set<AnalysisJob>().AsNoTracking().ToListAsync();
            if (jobs.Count(j => j.Status == AnalysisJobStatus.Done) >= count) return jobs;
            await Task.Delay(50);
        }
        throw new TimeoutException($"Fewer than {count} FixCI jobs finished.");
    }
}
