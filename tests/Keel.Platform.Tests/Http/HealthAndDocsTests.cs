using System.Net;
using Keel.Testing;

namespace Keel.Platform.Tests.Http;

public abstract class HealthAndDocsTests(ServerFixture fixture)
{
    private KeelTestServer Server => fixture.Server;

    [Fact]
    public async Task Health_answers_seed_001s_shape()
    {
        var health = await (await Server.CreateClient().GetAsync("/health")).JsonAsync();
        health["status"]!.GetValue<string>().ShouldBe("ok");
        DateTimeOffset.Parse(health["timestamp"]!.GetValue<string>()).ShouldBeInRange(DateTimeOffset.UtcNow.AddMinutes(-1), DateTimeOffset.UtcNow.AddMinutes(1));
    }

    [Fact]
    public async Task Readiness_checks_the_database()
    {
        var ready = await (await Server.CreateClient().GetAsync("/health/ready")).JsonAsync();
        ready["status"]!.GetValue<string>().ShouldBe("ready");
        ready["checks"]!["database"]!.GetValue<string>().ShouldBe("ok");
    }

    [Fact]
    public async Task The_openapi_document_describes_the_platform_api_and_the_docs_ui_is_served()
    {
        var document = await (await Server.CreateClient().GetAsync("/openapi/v1.json")).JsonAsync();
        var paths = document["paths"]!.AsObject().Select(p => p.Key).ToList();
        paths.ShouldContain("/api/v1/auth/magic-link");
        paths.ShouldContain("/api/v1/organizations/{organizationId}/members");
        paths.ShouldContain("/api/v1/admin/users");
        var docs = await Server.CreateClient().GetAsync("/docs/");
        docs.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await docs.Content.ReadAsStringAsync()).ShouldContain("Keel API");
    }

    [Fact]
    public async Task Responses_carry_security_headers()
    {
        var response = await Server.CreateClient().GetAsync("/health");
        response.Headers.GetValues("X-Content-Type-Options").Single().ShouldBe("nosniff");
        response.Headers.GetValues("X-Frame-Options").Single().ShouldBe("DENY");
        response.Headers.GetValues("Referrer-Policy").Single().ShouldBe("no-referrer");
    }

    [Fact]
    public async Task Joining_a_waitlist_twice_is_the_same_as_once()
    {
        var client = Server.CreateClient();
        var email = KeelApi.NewEmail();
        var first = await (await client.PostJsonAsync("/api/v1/waitlist", new { email, product = "fixci" })).JsonAsync(HttpStatusCode.Created);
        var second = await (await client.PostJsonAsync("/api/v1/waitlist", new { email = email.ToUpperInvariant(), product = "fixci" })).JsonAsync();
        // The same entry: the stored time may be rounded to the database's precision.
        (second["joinedAt"]!.GetValue<DateTimeOffset>() - first["joinedAt"]!.GetValue<DateTimeOffset>()).Duration().ShouldBeLessThan(TimeSpan.FromMilliseconds(1));
        (await client.PostJsonAsync("/api/v1/waitlist", new { email, product = "studio" })).StatusCode.ShouldBe(HttpStatusCode.Created);
        (await (await client.PostJsonAsync("/api/v1/waitlist", new { email, product = "nope" })).ProblemAsync(HttpStatusCode.BadRequest))["errors"]!["product"].ShouldNotBeNull();
    }
}

public sealed class HealthOnSqlite(SqliteServer fixture) : HealthAndDocsTests(fixture), IClassFixture<SqliteServer>;

public sealed class HealthOnPostgres(PostgresServerFixture fixture) : HealthAndDocsTests(fixture), IClassFixture<PostgresServerFixture>;
