using System.Net;
using Keel.Testing;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace Keel.Platform.Tests.Organizations;

/// <summary>
/// Every organization-scoped endpoint, called by someone from another organization, answers 404 and changes
/// nothing. The list below must name every such endpoint the server maps: a new endpoint without a row here
/// fails <see cref="Every_organization_scoped_endpoint_is_covered"/>.
/// </summary>
public abstract class IsolationTests(ServerFixture fixture)
{
    private KeelTestServer Server => fixture.Server;

    private sealed record Call(string Method, string Template, object? Body);

    private static readonly Call[] Calls =
    [
        new("GET", "/api/v1/organizations/{organizationId:guid}", null),
        new("PATCH", "/api/v1/organizations/{organizationId:guid}", new { name = "Hijacked" }),
        new("DELETE", "/api/v1/organizations/{organizationId:guid}", null),
        new("GET", "/api/v1/organizations/{organizationId:guid}/members", null),
        new("PUT", "/api/v1/organizations/{organizationId:guid}/members/{accountId:guid}/role", new { role = "member" }),
        new("DELETE", "/api/v1/organizations/{organizationId:guid}/members/{accountId:guid}", null),
        new("POST", "/api/v1/organizations/{organizationId:guid}/invitations", new { email = "spy@example.com" }),
        new("GET", "/api/v1/organizations/{organizationId:guid}/invitations", null),
        new("DELETE", "/api/v1/organizations/{organizationId:guid}/invitations/{invitationId:guid}", null),
        new("GET", "/api/v1/organizations/{organizationId:guid}/audit", null),
        new("GET", "/fixci/api/organizations/{organizationId:guid}/installations", null),
        new("POST", "/fixci/api/organizations/{organizationId:guid}/installations/install-url", null),
        new("DELETE", "/fixci/api/organizations/{organizationId:guid}/installations/{installationId:long}", null),
        new("PATCH", "/fixci/api/organizations/{organizationId:guid}/repositories/{repositoryId:long}", new { enabled = false }),
    ];

    [Fact]
    public void Every_organization_scoped_endpoint_is_covered()
    {
        var mapped = Server.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>()
            .Where(e => e.RoutePattern.RawText?.Contains("{organizationId") == true)
            .SelectMany(e => (e.Metadata.GetMetadata<HttpMethodMetadata>()?.HttpMethods ?? []).Select(m => $"{m} /{e.RoutePattern.RawText!.Trim('/')}"))
            .Order().ToList();
        mapped.ShouldBe(Calls.Select(c => $"{c.Method} {c.Template}").Order().ToList());
    }

    [Fact]
    public async Task A_member_of_another_organization_gets_404_everywhere_and_changes_nothing()
    {
        var (victim, victimId, _) = await Server.SignUpAsync("victim");
        var orgId = await victim.CreateOrganizationAsync("Victim Corp");
        var invitation = await (await victim.PostJsonAsync($"/api/v1/organizations/{orgId}/invitations", new { email = KeelApi.NewEmail() })).JsonAsync(HttpStatusCode.Created);

        var (attacker, _, _) = await Server.SignUpAsync("attacker");
        await attacker.CreateOrganizationAsync("Attacker Corp");

        foreach (var call in Calls)
        {
            var url = call.Template
                .Replace("{organizationId:guid}", orgId.ToString())
                .Replace("{accountId:guid}", victimId.ToString())
                .Replace("{invitationId:guid}", invitation["id"]!.GetValue<Guid>().ToString())
                .Replace("{installationId:long}", "42")
                .Replace("{repositoryId:long}", "1296269");
            using var request = new HttpRequestMessage(new HttpMethod(call.Method), url);
            if (call.Body is not null) request.Content = JsonContent.Create(call.Body);
            var response = await attacker.SendAsync(request);
            response.StatusCode.ShouldBe(HttpStatusCode.NotFound, $"{call.Method} {url}");
            (await response.Content.ReadAsStringAsync()).ShouldNotContain("Victim Corp");
        }

        var org = await (await victim.GetAsync($"/api/v1/organizations/{orgId}")).JsonAsync();
        org["name"]!.GetValue<string>().ShouldBe("Victim Corp");
        (await (await victim.GetAsync($"/api/v1/organizations/{orgId}/members")).JsonAsync()).AsArray().Count.ShouldBe(1);
        (await (await victim.GetAsync($"/api/v1/organizations/{orgId}/invitations")).JsonAsync()).AsArray().Count.ShouldBe(1);
    }

    [Fact]
    public async Task A_plain_member_cannot_use_the_admin_endpoints_of_their_own_organization()
    {
        var (owner, ownerId, _) = await Server.SignUpAsync("owner");
        var orgId = await owner.CreateOrganizationAsync();
        var (member, _, memberEmail) = await Server.SignUpAsync("member");
        await owner.PostJsonAsync($"/api/v1/organizations/{orgId}/invitations", new { email = memberEmail });
        await using (var scope = Server.Services.CreateAsyncScope())
        {
            // Join directly: this class has no SMTP listener, and the invitation path is covered elsewhere.
            var db = scope.ServiceProvider.GetRequiredService<Keel.Platform.Data.KeelDbContext>();
            var account = db.Accounts.Single(a => a.NormalizedEmail == memberEmail);
            db.Memberships.Add(new Keel.Platform.Organizations.Membership { OrganizationId = orgId, AccountId = account.Id, Role = Keel.Platform.Organizations.OrganizationRole.Member });
            await db.SaveChangesAsync();
        }
        var invitations = (await (await owner.GetAsync($"/api/v1/organizations/{orgId}/invitations")).JsonAsync()).AsArray();

        var forbidden = new (string Method, string Url, object? Body)[]
        {
            ("PATCH", $"/api/v1/organizations/{orgId}", new { name = "Renamed" }),
            ("DELETE", $"/api/v1/organizations/{orgId}", null),
            ("PUT", $"/api/v1/organizations/{orgId}/members/{ownerId}/role", new { role = "member" }),
            ("DELETE", $"/api/v1/organizations/{orgId}/members/{ownerId}", null),
            ("POST", $"/api/v1/organizations/{orgId}/invitations", new { email = KeelApi.NewEmail() }),
            ("GET", $"/api/v1/organizations/{orgId}/invitations", null),
            ("DELETE", $"/api/v1/organizations/{orgId}/invitations/{invitations[0]!["id"]}", null),
            ("GET", $"/api/v1/organizations/{orgId}/audit", null),
            ("POST", $"/fixci/api/organizations/{orgId}/installations/install-url", null),
            ("DELETE", $"/fixci/api/organizations/{orgId}/installations/42", null),
            ("PATCH", $"/fixci/api/organizations/{orgId}/repositories/1296269", new { enabled = false }),
        };
        foreach (var (method, url, body) in forbidden)
        {
            using var request = new HttpRequestMessage(new HttpMethod(method), url);
            if (body is not null) request.Content = JsonContent.Create(body);
            (await member.SendAsync(request)).StatusCode.ShouldBe(HttpStatusCode.Forbidden, $"{method} {url}");
        }
        (await member.GetAsync($"/api/v1/organizations/{orgId}")).StatusCode.ShouldBe(HttpStatusCode.OK);
        (await member.GetAsync($"/api/v1/organizations/{orgId}/members")).StatusCode.ShouldBe(HttpStatusCode.OK);
        (await member.GetAsync($"/fixci/api/organizations/{orgId}/installations")).StatusCode.ShouldBe(HttpStatusCode.OK);
    }
}

public sealed class IsolationOnSqlite(SqliteServer fixture) : IsolationTests(fixture), IClassFixture<SqliteServer>;

public sealed class IsolationOnPostgres(PostgresServerFixture fixture) : IsolationTests(fixture), IClassFixture<PostgresServerFixture>;
