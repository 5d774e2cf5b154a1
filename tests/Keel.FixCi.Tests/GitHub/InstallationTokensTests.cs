using System.Buffers.Text;
using System.Net;
using System.Security.Cryptography;
using System.Text;
using Keel.FixCi.GitHub;

namespace Keel.FixCi.Tests.GitHub;

public sealed class InstallationTokensTests
{
    [Fact]
    public async Task A_token_is_fetched_once_and_reused_while_it_is_valid()
    {
        await using var app = await GitHubAppHarness.StartAsync();

        var first = await app.TokenAsync();
        app.Time.Advance(TimeSpan.FromMinutes(50));
        var second = await app.TokenAsync();

        second.ShouldBe(first);
        app.GitHub.TokensIssued.ShouldBe(1);
        var request = app.GitHub.Requests.Single();
        request.Path.ShouldBe($"/app/installations/{GitHubAppHarness.InstallationId}/access_tokens");
        request.Status.ShouldBe(201);
    }

    [Fact]
    public async Task A_token_is_replaced_shortly_before_it_expires()
    {
        await using var app = await GitHubAppHarness.StartAsync();
        var first = await app.TokenAsync();

        app.Time.Advance(TimeSpan.FromHours(1) - InstallationTokens.RefreshMargin + TimeSpan.FromSeconds(1));
        var second = await app.TokenAsync();

        second.ShouldNotBe(first);
        app.GitHub.TokensIssued.ShouldBe(2);
        // The new token works where the old one soon will not.
        (await app.Api.ListIssueCommentsAsync(second, GitHubAppHarness.RepositoryName, app.GitHub.AddPullRequest(GitHubAppHarness.Repository, "abc", "b"), default))
            .ShouldBeEmpty();
    }

    [Fact]
    public async Task A_token_with_a_short_life_is_replaced_when_it_expires()
    {
        await using var app = await GitHubAppHarness.StartAsync();
        app.GitHub.TokenLifetime = TimeSpan.FromMinutes(10);
        var first = await app.TokenAsync();

        app.Time.Advance(TimeSpan.FromMinutes(4));
        (await app.TokenAsync()).ShouldBe(first);
        app.Time.Advance(TimeSpan.FromMinutes(2));
        (await app.TokenAsync()).ShouldNotBe(first);
    }

    [Fact]
    public async Task Concurrent_callers_share_one_request()
    {
        await using var app = await GitHubAppHarness.StartAsync();

        var tokens = await Task.WhenAll(Enumerable.Range(0, 20).Select(_ => Task.Run(app.TokenAsync)));

        tokens.Distinct().Count().ShouldBe(1);
        app.GitHub.TokensIssued.ShouldBe(1);
    }

    [Fact]
    public async Task Installations_have_their_own_tokens()
    {
        await using var app = await GitHubAppHarness.StartAsync();
        app.GitHub.AddInstallation(77, ["acme/rockets"]);

        var ours = await app.TokenAsync();
        var theirs = await app.Tokens.GetAsync(77);

        theirs.ShouldNotBe(ours);
        app.GitHub.TokensIssued.ShouldBe(2);
    }

    [Fact]
    public async Task Tokens_of_any_length_are_used_as_given()
    {
        await using var app = await GitHubAppHarness.StartAsync();
        var lengths = new HashSet<int>();
        for (var i = 0; i < 3; i++)
        {
            lengths.Add((await app.TokenAsync()).Length);
            app.Tokens.Forget(GitHubAppHarness.InstallationId);
        }

        lengths.Count.ShouldBeGreaterThan(1);
    }

    [Fact]
    public async Task A_jwt_signed_with_the_wrong_key_is_refused_by_GitHub()
    {
        await using var app = await GitHubAppHarness.StartAsync();
        using var wrongKey = RSA.Create(2048);
        var options = new GitHubAppOptions { AppId = app.Options.AppId, PrivateKeyPem = wrongKey.ExportPkcs8PrivateKeyPem(), ApiBaseUrl = app.Options.ApiBaseUrl };
        using var tokens = new InstallationTokens(app.Api, options, app.Time);

        var error = await Should.ThrowAsync<GitHubApiException>(() => tokens.GetAsync(GitHubAppHarness.InstallationId));

        error.Status.ShouldBe(HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task A_jwt_for_another_app_is_refused_by_GitHub()
    {
        await using var app = await GitHubAppHarness.StartAsync();
        var options = new GitHubAppOptions { AppId = "999", PrivateKeyPem = app.Options.PrivateKeyPem, ApiBaseUrl = app.Options.ApiBaseUrl };
        using var tokens = new InstallationTokens(app.Api, options, app.Time);

        var error = await Should.ThrowAsync<GitHubApiException>(() => tokens.GetAsync(GitHubAppHarness.InstallationId));

        error.Status.ShouldBe(HttpStatusCode.Unauthorized);
        error.Message.ShouldContain("iss");
    }

    [Fact]
    public void Options_without_a_usable_key_are_refused_at_construction()
    {
        var api = new GitHubApi(new HttpClient(), new GitHubAppOptions(), TimeProvider.System);

        Should.Throw<ArgumentException>(() => new InstallationTokens(api, new GitHubAppOptions { AppId = "1" }, TimeProvider.System));
        Should.Throw<ArgumentException>(() => new InstallationTokens(api, new GitHubAppOptions { AppId = "1", PrivateKeyPem = "not a key" }, TimeProvider.System));
    }

    [Fact]
    public async Task An_expired_app_jwt_is_refused_by_GitHub()
    {
        await using var app = await GitHubAppHarness.StartAsync();
        var stale = AppJwt.Create(GitHubAppHarness.AppId, app.Key, app.Time.GetUtcNow() - TimeSpan.FromMinutes(15));

        var error = await Should.ThrowAsync<GitHubApiException>(() => app.Api.CreateInstallationTokenAsync(stale, GitHubAppHarness.InstallationId, default));

        error.Status.ShouldBe(HttpStatusCode.Unauthorized);
        error.Message.ShouldContain("exp");
    }

    [Fact]
    public async Task An_app_jwt_living_longer_than_ten_minutes_is_refused_by_GitHub()
    {
        await using var app = await GitHubAppHarness.StartAsync();
        var now = app.Time.GetUtcNow().ToUnixTimeSeconds();
        var header = Base64Url.EncodeToString("{\"alg\":\"RS256\",\"typ\":\"JWT\"}"u8);
        var payload = Base64Url.EncodeToString(Encoding.UTF8.GetBytes($"{{\"iat\":{now - 60},\"exp\":{now + 3600},\"iss\":\"{GitHubAppHarness.AppId}\"}}"));
        var signature = app.Key.SignData(Encoding.ASCII.GetBytes($"{header}.{payload}"), HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);

        var error = await Should.ThrowAsync<GitHubApiException>(() =>
            app.Api.CreateInstallationTokenAsync($"{header}.{payload}.{Base64Url.EncodeToString(signature)}", GitHubAppHarness.InstallationId, default));

        error.Status.ShouldBe(HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task An_installation_the_app_does_not_have_gets_no_token()
    {
        await using var app = await GitHubAppHarness.StartAsync();

        var error = await Should.ThrowAsync<GitHubApiException>(() => app.Tokens.GetAsync(4040));

        error.Status.ShouldBe(HttpStatusCode.NotFound);
    }
}
