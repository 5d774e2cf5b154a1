using System.Net;
using System.Net.Http.Headers;
using Keel.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace Keel.Platform.Tests.Accounts;

public abstract class ApiKeyTests(ServerFixture fixture)
{
    private KeelTestServer Server => fixture.Server;

    private HttpClient WithKey(string secret, bool asHeader = false)
    {
        var client = new HttpClient { BaseAddress = Server.Address };
        if (asHeader) client.DefaultRequestHeaders.Add("X-Api-Key", secret);
        else client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", secret);
        return client;
    }

    [Fact]
    public async Task A_created_key_is_shown_once_and_works_as_bearer_or_x_api_key()
    {
        var (client, id, _) = await Server.SignUpAsync();
        var created = await (await client.PostJsonAsync("/api/v1/api-keys", new { name = "laptop" })).JsonAsync(HttpStatusCode.Created);
        var secret = created["secret"]!.GetValue<string>();
        secret.ShouldStartWith("keel_");
        secret.Length.ShouldBeGreaterThanOrEqualTo(48);
        secret.ShouldStartWith(created["prefix"]!.GetValue<string>());

        (await (await WithKey(secret).GetAsync("/api/v1/me")).JsonAsync())["id"]!.GetValue<Guid>().ShouldBe(id);
        (await (await WithKey(secret, asHeader: true).GetAsync("/api/v1/me")).JsonAsync())["id"]!.GetValue<Guid>().ShouldBe(id);

        var list = (await (await client.GetAsync("/api/v1/api-keys")).JsonAsync()).AsArray();
        list.Count.ShouldBe(1);
        list[0]!["name"]!.GetValue<string>().ShouldBe("laptop");
        list[0]!["lastUsedAt"].ShouldNotBeNull();
        list[0]!.ToJsonString().ShouldNotContain(secret);
        list[0]!.AsObject().ContainsKey("secret").ShouldBeFalse();
    }

    [Fact]
    public async Task A_revoked_key_stops_working_at_once()
    {
        var (client, _, _) = await Server.SignUpAsync();
        var created = await (await client.PostJsonAsync("/api/v1/api-keys", new { name = "ci" })).JsonAsync(HttpStatusCode.Created);
        var secret = created["secret"]!.GetValue<string>();
        (await WithKey(secret).GetAsync("/api/v1/me")).StatusCode.ShouldBe(HttpStatusCode.OK);

        (await client.DeleteAsync($"/api/v1/api-keys/{created["id"]}")).StatusCode.ShouldBe(HttpStatusCode.NoContent);
        (await WithKey(secret).GetAsync("/api/v1/me")).StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
        (await (await client.GetAsync("/api/v1/api-keys")).JsonAsync()).AsArray().ShouldBeEmpty();
    }

    [Fact]
    public async Task Regenerating_a_key_retires_the_old_secret()
    {
        var (client, _, _) = await Server.SignUpAsync();
        var created = await (await client.PostJsonAsync("/api/v1/api-keys", new { name = "server" })).JsonAsync(HttpStatusCode.Created);
        var old = created["secret"]!.GetValue<string>();
        (await WithKey(old).GetAsync("/api/v1/me")).StatusCode.ShouldBe(HttpStatusCode.OK);

        var regenerated = await (await client.PostAsync($"/api/v1/api-keys/{created["id"]}/regenerate", null)).JsonAsync();
        var fresh = regenerated["secret"]!.GetValue<string>();
        fresh.ShouldNotBe(old);
        (await WithKey(old).GetAsync("/api/v1/me")).StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
        (await WithKey(fresh).GetAsync("/api/v1/me")).StatusCode.ShouldBe(HttpStatusCode.OK);
    }

    [Fact]
    public async Task Nobody_can_see_or_revoke_another_accounts_key()
    {
        var (owner, _, _) = await Server.SignUpAsync("owner");
        var (stranger, _, _) = await Server.SignUpAsync("stranger");
        var created = await (await owner.PostJsonAsync("/api/v1/api-keys", new { name = "mine" })).JsonAsync(HttpStatusCode.Created);

        (await (await stranger.GetAsync("/api/v1/api-keys")).JsonAsync()).AsArray().ShouldBeEmpty();
        await (await stranger.DeleteAsync($"/api/v1/api-keys/{created["id"]}")).ProblemAsync(HttpStatusCode.NotFound);
        await (await stranger.PostAsync($"/api/v1/api-keys/{created["id"]}/regenerate", null)).ProblemAsync(HttpStatusCode.NotFound);
        (await WithKey(created["secret"]!.GetValue<string>()).GetAsync("/api/v1/me")).StatusCode.ShouldBe(HttpStatusCode.OK);
    }

    [Theory]
    [InlineData("keel_not-a-real-key")]
    [InlineData("keel_")]
    [InlineData("something else entirely")]
    public async Task A_wrong_key_is_401_problem_details(string key)
    {
        await (await WithKey(key, asHeader: true).GetAsync("/api/v1/me")).ProblemAsync(HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task Only_the_hash_of_a_key_is_stored()
    {
        var (client, _, _) = await Server.SignUpAsync();
        var created = await (await client.PostJsonAsync("/api/v1/api-keys", new { name = "x" })).JsonAsync(HttpStatusCode.Created);
        var secret = created["secret"]!.GetValue<string>();
        await using var scope = Server.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<Keel.Platform.Data.KeelDbContext>();
        var stored = db.ApiKeys.Single(k => k.Id == created["id"]!.GetValue<Guid>());
        stored.SecretHash.ShouldBe(System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(secret)));
        stored.Prefix.Length.ShouldBeLessThan(secret.Length / 2);
    }
}

public sealed class ApiKeysOnSqlite(SqliteServer fixture) : ApiKeyTests(fixture), IClassFixture<SqliteServer>;

public sealed class ApiKeysOnPostgres(PostgresServerFixture fixture) : ApiKeyTests(fixture), IClassFixture<PostgresServerFixture>;
