using Keel.Testing;

namespace Keel.Web.Tests;

/// <summary>The pages on PostgreSQL: signing in, an organization's page, and an outsider refused, as on SQLite.</summary>
public class PostgresPageTests : IAsyncLifetime
{
    private KeelTestServer server = null!;

    public async Task InitializeAsync() => server = await KeelTestServer.StartAsync(o => o.Database = Db.Postgres);

    public async Task DisposeAsync() => await server.DisposeAsync();

    [Fact]
    public async Task Signing_in_opening_an_organization_and_an_outsider_refused()
    {
        var (_, _, email) = await server.SignUpAsync("pg-owner");
        var owner = await server.NewPageAsync();
        await owner.SignInWithPasswordAsync(email);
        (await owner.MainTextAsync()).ShouldContain(email);
        var organizationId = await owner.CreateOrganizationAsync("Postgres Partners");
        (await owner.InnerTextAsync("h1")).ShouldBe("Postgres Partners");
        (await owner.InnerTextAsync("#members-title + .table-wrap")).ShouldContain(email);
        await owner.FillAsync("#invite-email", "colleague@example.com");
        await owner.ClickAsync("text=Send invitation");
        (await owner.MainTextAsync()).ShouldContain("Invitation sent to colleague@example.com");

        var outsider = await server.NewPageAsync();
        await outsider.SignUpWithPasswordAsync("pg-outsider");
        foreach (var path in new[] { $"/dashboard/organizations/{organizationId}", $"/dashboard/usage?org={organizationId}" })
        {
            var response = await outsider.GotoAsync(path);
            response!.Status.ShouldBe(404, path);
            (await outsider.InnerTextAsync("main h1")).ShouldBe("Not found", path);
            (await outsider.ContentAsync()).ShouldNotContain("Postgres Partners");
        }

        // Page numbers out of range still show a page.
        foreach (var path in new[] { "/dashboard/audit?page=2147483647", "/dashboard/audit?page=-3" })
            (await outsider.GotoAsync(path))!.Status.ShouldBe(200, path);
        (await outsider.MainTextAsync()).ShouldContain(Keel.Platform.Audit.AuditActions.AccountCreated);
    }
}
