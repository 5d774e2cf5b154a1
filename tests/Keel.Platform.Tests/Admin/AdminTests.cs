using System.Net;
using Keel.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace Keel.Platform.Tests.Admin;

public abstract class AdminTests(ServerFixture fixture)
{
    private KeelTestServer Server => fixture.Server;

    private async Task<HttpClient> AdminAsync()
    {
        var (client, _, email) = await Server.SignUpAsync("admin");
        await using var scope = Server.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<Keel.Platform.Data.KeelDbContext>();
        var account = db.Accounts.Single(a => a.NormalizedEmail == email);
        account.IsAdmin = true;
        await db.SaveChangesAsync();
        // Admin is a claim of the session, read when the request is authenticated: sign in again to be sure.
        await client.PostJsonAsync("/api/v1/auth/login", new { email, password = KeelApi.Password });
        return client;
    }

    [Fact]
    public async Task Non_admins_are_refused_the_admin_api()
    {
        var (client, _, _) = await Server.SignUpAsync();
        await (await client.GetAsync("/api/v1/admin/stats")).ProblemAsync(HttpStatusCode.Forbidden);
        await (await client.GetAsync("/api/v1/admin/users")).ProblemAsync(HttpStatusCode.Forbidden);
        await (await client.GetAsync("/api/v1/admin/audit")).ProblemAsync(HttpStatusCode.Forbidden);
        await (await Server.CreateClient().GetAsync("/api/v1/admin/stats")).ProblemAsync(HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task Stats_count_accounts_and_todays_signups()
    {
        var admin = await AdminAsync();
        await Server.SignUpAsync();
        var stats = await (await admin.GetAsync("/api/v1/admin/stats")).JsonAsync();
        stats["accounts"]!.GetValue<int>().ShouldBeGreaterThanOrEqualTo(2);
        var days = stats["signupsPerDay"]!.AsArray();
        days.Count.ShouldBe(30);
        days[^1]!["date"]!.GetValue<string>().ShouldBe(DateOnly.FromDateTime(DateTime.UtcNow).ToString("yyyy-MM-dd"));
        days[^1]!["count"]!.GetValue<int>().ShouldBeGreaterThanOrEqualTo(2);
    }

    [Fact]
    public async Task Users_are_paged_and_searchable_by_email()
    {
        var admin = await AdminAsync();
        var tag = Guid.NewGuid().ToString("N")[..10];
        for (var i = 0; i < 3; i++)
            await Server.CreateClient().PostJsonAsync("/api/v1/auth/register", new { email = $"{tag}-{i}@example.com", password = KeelApi.Password });

        var page1 = await (await admin.GetAsync($"/api/v1/admin/users?q={tag}&pageSize=2")).JsonAsync();
        page1["total"]!.GetValue<int>().ShouldBe(3);
        page1["items"]!.AsArray().Count.ShouldBe(2);
        var page2 = await (await admin.GetAsync($"/api/v1/admin/users?q={tag}&pageSize=2&page=2")).JsonAsync();
        page2["items"]!.AsArray().Count.ShouldBe(1);
        page2["items"]![0]!["email"]!.GetValue<string>().ShouldBe($"{tag}-0@example.com");

        (await (await admin.GetAsync("/api/v1/admin/users?q=%25")).JsonAsync())["total"]!.GetValue<int>().ShouldBe(0);
        (await (await admin.GetAsync("/api/v1/admin/users?q=' OR 1=1 --")).JsonAsync())["total"]!.GetValue<int>().ShouldBe(0);
    }
}

public sealed class AdminOnSqlite(SqliteServer fixture) : AdminTests(fixture), IClassFixture<SqliteServer>;

public sealed class AdminOnPostgres(PostgresServerFixture fixture) : AdminTests(fixture), IClassFixture<PostgresServerFixture>;
