using System.Net;
using System.Net.Http.Headers;
using Keel.Testing;

namespace Keel.Platform.Tests.Accounts;

public abstract class SignInTests(ServerFixture fixture)
{
    private KeelTestServer Server => fixture.Server;

    [Fact]
    public async Task Registering_signs_in_with_an_http_only_same_site_session_cookie()
    {
        var client = Server.CreateClient();
        var email = KeelApi.NewEmail();
        var response = await client.PostJsonAsync("/api/v1/auth/register", new { email, password = KeelApi.Password, displayName = "Ada" });
        var me = await response.JsonAsync(HttpStatusCode.Created);
        me["email"]!.GetValue<string>().ShouldBe(email);
        me["displayName"]!.GetValue<string>().ShouldBe("Ada");

        var cookie = response.Headers.GetValues("Set-Cookie").Single(c => c.StartsWith("keel_session="));
        cookie.ShouldContain("httponly", Case.Insensitive);
        cookie.ShouldContain("samesite=lax", Case.Insensitive);
        var expires = DateTimeOffset.Parse(cookie.Split(';').Single(p => p.Trim().StartsWith("expires=", StringComparison.OrdinalIgnoreCase)).Split('=')[1]);
        (expires - DateTimeOffset.UtcNow).TotalDays.ShouldBeInRange(29.9, 30.1);

        (await (await client.GetAsync("/api/v1/me")).JsonAsync())["email"]!.GetValue<string>().ShouldBe(email);
    }

    [Fact]
    public async Task Registering_an_address_twice_is_a_conflict_whatever_its_case()
    {
        var (_, _, email) = await Server.SignUpAsync();
        var again = await Server.CreateClient().PostJsonAsync("/api/v1/auth/register", new { email = email.ToUpperInvariant(), password = KeelApi.Password });
        await again.ProblemAsync(HttpStatusCode.Conflict);
    }

    [Fact]
    public async Task Login_with_the_right_password_signs_in_and_a_wrong_one_is_refused()
    {
        var (_, _, email) = await Server.SignUpAsync();
        var client = Server.CreateClient();
        var wrong = await client.PostJsonAsync("/api/v1/auth/login", new { email, password = "not the password" });
        (await wrong.ProblemAsync(HttpStatusCode.Unauthorized))["detail"]!.GetValue<string>().ShouldBe("Email or password is incorrect.");
        (await client.GetAsync("/api/v1/me")).StatusCode.ShouldBe(HttpStatusCode.Unauthorized);

        (await client.PostJsonAsync("/api/v1/auth/login", new { email, password = KeelApi.Password })).StatusCode.ShouldBe(HttpStatusCode.OK);
        (await client.GetAsync("/api/v1/me")).StatusCode.ShouldBe(HttpStatusCode.OK);
    }

    [Fact]
    public async Task An_unknown_address_gets_the_same_answer_as_a_wrong_password()
    {
        var response = await Server.CreateClient().PostJsonAsync("/api/v1/auth/login", new { email = KeelApi.NewEmail(), password = KeelApi.Password });
        (await response.ProblemAsync(HttpStatusCode.Unauthorized))["detail"]!.GetValue<string>().ShouldBe("Email or password is incorrect.");
    }

    [Fact]
    public async Task Logout_ends_the_session_on_the_server_not_only_in_the_browser()
    {
        var jar = new CookieContainer();
        var client = Server.CreateClient(jar);
        await (await client.PostJsonAsync("/api/v1/auth/register", new { email = KeelApi.NewEmail(), password = KeelApi.Password })).JsonAsync(HttpStatusCode.Created);
        var cookies = jar.GetCookieHeader(Server.Address);
        (await client.PostAsync("/api/v1/auth/logout", null)).StatusCode.ShouldBe(HttpStatusCode.NoContent);
        (await client.GetAsync("/api/v1/me")).StatusCode.ShouldBe(HttpStatusCode.Unauthorized);

        // Replaying the old cookie (as a thief who copied it would) no longer works.
        using var replay = new HttpClient { BaseAddress = Server.Address };
        replay.DefaultRequestHeaders.Add("Cookie", cookies);
        (await replay.GetAsync("/api/v1/me")).StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task A_jwt_access_token_authenticates_api_calls()
    {
        var (_, id, email) = await Server.SignUpAsync();
        var token = await (await Server.CreateClient().PostJsonAsync("/api/v1/auth/token", new { email, password = KeelApi.Password })).JsonAsync();
        token["tokenType"]!.GetValue<string>().ShouldBe("Bearer");
        token["expiresIn"]!.GetValue<int>().ShouldBe(3600);

        using var client = new HttpClient { BaseAddress = Server.Address };
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token["accessToken"]!.GetValue<string>());
        (await (await client.GetAsync("/api/v1/me")).JsonAsync())["id"]!.GetValue<Guid>().ShouldBe(id);
    }

    [Fact]
    public async Task A_tampered_jwt_is_refused()
    {
        var (_, _, email) = await Server.SignUpAsync();
        var token = (await (await Server.CreateClient().PostJsonAsync("/api/v1/auth/token", new { email, password = KeelApi.Password })).JsonAsync())["accessToken"]!.GetValue<string>();
        var parts = token.Split('.');
        var forged = parts[0] + "." + parts[1] + "." + new string(parts[2].Reverse().ToArray());
        using var client = new HttpClient { BaseAddress = Server.Address };
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", forged);
        (await client.GetAsync("/api/v1/me")).StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task Setting_a_password_needs_the_current_one()
    {
        var (client, _, email) = await Server.SignUpAsync();
        var wrong = await client.PutAsync("/api/v1/me/password", JsonContent.Create(new { currentPassword = "nope nope nope", newPassword = "a brand new passphrase" }));
        (await wrong.ProblemAsync(HttpStatusCode.BadRequest))["errors"]!["currentPassword"].ShouldNotBeNull();
        var right = await client.PutAsync("/api/v1/me/password", JsonContent.Create(new { currentPassword = KeelApi.Password, newPassword = "a brand new passphrase" }));
        right.StatusCode.ShouldBe(HttpStatusCode.NoContent);
        (await Server.CreateClient().PostJsonAsync("/api/v1/auth/login", new { email, password = "a brand new passphrase" })).StatusCode.ShouldBe(HttpStatusCode.OK);
    }

    [Fact]
    public async Task Anonymous_requests_to_the_api_get_401_problem_details()
    {
        await (await Server.CreateClient().GetAsync("/api/v1/me")).ProblemAsync(HttpStatusCode.Unauthorized);
    }
}

public sealed class SignInOnSqlite(SqliteServer fixture) : SignInTests(fixture), IClassFixture<SqliteServer>;

public sealed class SignInOnPostgres(PostgresServerFixture fixture) : SignInTests(fixture), IClassFixture<PostgresServerFixture>;
