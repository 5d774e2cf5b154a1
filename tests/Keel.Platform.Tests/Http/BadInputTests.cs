using System.Net;
using Keel.Testing;

namespace Keel.Platform.Tests.Http;

/// <summary>Whatever a client sends, the answer is a 4xx ProblemDetails that says what was wrong, never a 500.</summary>
public sealed class BadInputTests(SqliteServer fixture) : IClassFixture<SqliteServer>
{
    private KeelTestServer Server => fixture.Server;

    public static TheoryData<string, string> MalformedBodies => new()
    {
        { "/api/v1/auth/register", "{\"email\": \"a@example.com\", \"password\": " },
        { "/api/v1/auth/register", "not json at all" },
        { "/api/v1/auth/register", "[1, 2, 3]" },
        { "/api/v1/auth/register", "{\"email\": 42, \"password\": \"long enough password\"}" },
        { "/api/v1/auth/register", "{\"email\": \"a@example.com\", \"password\": \"long enough password\", \"isAdmin\": true}" },
        { "/api/v1/auth/login", "{\"email\": [\"a@example.com\"], \"password\": \"x\"}" },
        { "/api/v1/waitlist", "{\"email\": \"a@example.com\", \"product\": {\"$ne\": null}}" },
        { "/api/v1/auth/magic-link", "" },
    };

    [Theory]
    [MemberData(nameof(MalformedBodies))]
    public async Task Malformed_json_wrong_types_and_unknown_fields_get_400(string url, string body)
    {
        var problem = await (await Server.CreateClient().PostRawAsync(url, body)).ProblemAsync(HttpStatusCode.BadRequest);
        problem["detail"]!.GetValue<string>().ShouldNotContain("   at ");
    }

    [Theory]
    [InlineData("not-an-email")]
    [InlineData("a@b")]
    [InlineData("Robert'); DROP TABLE accounts;--@example.com")]
    [InlineData("user@exa mple.com")]
    [InlineData("\"Display\" <a@example.com>")]
    public async Task Invalid_emails_are_named_in_the_validation_errors(string email)
    {
        var problem = await (await Server.CreateClient().PostJsonAsync("/api/v1/auth/register", new { email, password = KeelApi.Password }))
            .ProblemAsync(HttpStatusCode.BadRequest);
        problem["errors"]!["email"].ShouldNotBeNull();
    }

    [Fact]
    public async Task Every_invalid_field_is_reported_at_once()
    {
        var problem = await (await Server.CreateClient().PostJsonAsync("/api/v1/auth/register", new { email = "nope", password = "short" }))
            .ProblemAsync(HttpStatusCode.BadRequest);
        problem["errors"]!["email"].ShouldNotBeNull();
        problem["errors"]!["password"].ShouldNotBeNull();
    }

    [Fact]
    public async Task Very_long_strings_are_refused_by_validation_not_by_the_database()
    {
        var (client, _, _) = await Server.SignUpAsync();
        var name = new string('x', 10_000);
        (await (await client.PostJsonAsync("/api/v1/organizations", new { name })).ProblemAsync(HttpStatusCode.BadRequest))["errors"]!["name"].ShouldNotBeNull();
        (await (await client.PostJsonAsync("/api/v1/api-keys", new { name })).ProblemAsync(HttpStatusCode.BadRequest))["errors"]!["name"].ShouldNotBeNull();
        var email = new string('a', 300) + "@example.com";
        (await (await client.PostJsonAsync("/api/v1/auth/magic-link", new { email })).ProblemAsync(HttpStatusCode.BadRequest))["errors"]!["email"].ShouldNotBeNull();
    }

    [Fact]
    public async Task Sql_like_strings_are_stored_as_plain_text()
    {
        var (client, _, _) = await Server.SignUpAsync();
        const string name = "Acme'; DELETE FROM organizations; --";
        var orgId = await client.CreateOrganizationAsync(name);
        (await (await client.GetAsync($"/api/v1/organizations/{orgId}")).JsonAsync())["name"]!.GetValue<string>().ShouldBe(name);
    }

    [Fact]
    public async Task An_oversized_body_gets_413()
    {
        var body = "{\"email\": \"" + new string('a', 1024 * 1024 + 100) + "@example.com\"}";
        var problem = await (await Server.CreateClient().PostRawAsync("/api/v1/auth/magic-link", body)).ProblemAsync(HttpStatusCode.RequestEntityTooLarge);
        problem["title"]!.GetValue<string>().ShouldBe("Content Too Large");
    }

    [Fact]
    public async Task A_wrong_content_type_gets_415()
    {
        var response = await Server.CreateClient().PostAsync("/api/v1/auth/magic-link", new StringContent("email=a@example.com", System.Text.Encoding.UTF8, "text/plain"));
        await response.ProblemAsync(HttpStatusCode.UnsupportedMediaType);
    }

    [Fact]
    public async Task Unknown_routes_and_malformed_ids_get_404_problem_details()
    {
        var (client, _, _) = await Server.SignUpAsync();
        await (await client.GetAsync("/api/v1/nothing-here")).ProblemAsync(HttpStatusCode.NotFound);
        await (await client.GetAsync("/api/v1/organizations/not-a-guid")).ProblemAsync(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task An_unknown_role_is_a_validation_error()
    {
        var (client, id, _) = await Server.SignUpAsync();
        var orgId = await client.CreateOrganizationAsync();
        (await (await client.PutAsJsonAsync($"/api/v1/organizations/{orgId}/members/{id}/role", new { role = "superuser" }))
            .ProblemAsync(HttpStatusCode.BadRequest))["errors"]!["role"].ShouldNotBeNull();
        (await (await client.PutAsJsonAsync($"/api/v1/organizations/{orgId}/members/{id}/role", new { role = "1" }))
            .ProblemAsync(HttpStatusCode.BadRequest))["errors"]!["role"].ShouldNotBeNull();
    }

    [Fact]
    public async Task A_page_number_past_the_end_of_int_is_an_empty_page_not_an_overflow()
    {
        var (client, _, _) = await Server.SignUpAsync();
        var response = await client.GetAsync($"/api/v1/me/audit?page={int.MaxValue}&pageSize=200");
        response.StatusCode.ShouldBe(HttpStatusCode.OK);
    }
}
