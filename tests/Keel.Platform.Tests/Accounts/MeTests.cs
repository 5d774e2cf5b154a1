using System.Net;
using System.Net.Http.Headers;
using Keel.Testing;

namespace Keel.Platform.Tests.Accounts;

/// <summary>GET /api/v1/me answers from one compiled query per provider; these pin down what it returns.</summary>
public abstract class MeTests(ServerFixture fixture)
{
    private KeelTestServer Server => fixture.Server;

    [Fact]
    public async Task Me_with_an_api_key_lists_only_the_accounts_organizations_by_name_with_roles()
    {
        var (client, id, email) = await Server.SignUpAsync();
        foreach (var name in new[] { "zeta", "Alpha", "beta" }) await client.CreateOrganizationAsync(name);
        var (stranger, _, _) = await Server.SignUpAsync("stranger");
        await stranger.CreateOrganizationAsync("Not mine");
        var created = await (await client.PostJsonAsync("/api/v1/api-keys", new { name = "me" })).JsonAsync(HttpStatusCode.Created);
        using var withKey = new HttpClient { BaseAddress = Server.Address };
        withKey.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", created["secret"]!.GetValue<string>());

        var me = await (await withKey.GetAsync("/api/v1/me")).JsonAsync();

        me["id"]!.GetValue<Guid>().ShouldBe(id);
        me["email"]!.GetValue<string>().ShouldBe(email);
        me["hasPassword"]!.GetValue<bool>().ShouldBeTrue();
        me["emailVerified"]!.GetValue<bool>().ShouldBeFalse();
        me["isAdmin"]!.GetValue<bool>().ShouldBeFalse();
        var organizations = me["organizations"]!.AsArray();
        organizations.Select(o => o!["name"]!.GetValue<string>()).ShouldBe(["Alpha", "beta", "zeta"]);
        organizations.ShouldAllBe(o => o!["role"]!.GetValue<string>() == "owner");
    }

    [Fact]
    public async Task Me_of_an_account_without_organizations_has_an_empty_list()
    {
        var (client, id, _) = await Server.SignUpAsync();
        var me = await (await client.GetAsync("/api/v1/me")).JsonAsync();
        me["id"]!.GetValue<Guid>().ShouldBe(id);
        me["organizations"]!.AsArray().ShouldBeEmpty();
    }
}

public sealed class MeOnSqlite(SqliteServer fixture) : MeTests(fixture), IClassFixture<SqliteServer>;

public sealed class MeOnPostgres(PostgresServerFixture fixture) : MeTests(fixture), IClassFixture<PostgresServerFixture>;
