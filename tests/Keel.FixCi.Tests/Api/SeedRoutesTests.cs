using System.Net;
using System.Net.Http.Json;
using Keel.Testing;

namespace Keel.FixCi.Tests.Api;

/// <summary>Seed 003's routes under /fixci: the platform's sign-in, account, billing and admin, and the analyser.</summary>
public sealed class SeedRoutesTests(SqliteServer fixture) : IClassFixture<SqliteServer>
{
    private KeelTestServer Server => fixture.Server;

    private static string Data(string breakage, string file)
    {
        var root = RepositoryRoot.Find();
        foreach (var candidate in new[] { Path.Combine(root, "..", "shared", "data", "ci-breakages"), Path.Combine(root, "shared", "data", "ci-breakages") })
            if (Directory.Exists(candidate)) return File.ReadAllText(Path.Combine(candidate, breakage, file));
        throw new DirectoryNotFoundException("shared/data/ci-breakages is expected beside the repository.");
    }

    [Fact]
    public async Task Magic_link_login_verify_me_and_logout_work_at_the_seeds_paths()
    {
        var client = Server.CreateClient();
        var email = KeelApi.NewEmail("dev");
        (await client.PostAsJsonAsync("/fixci/auth/login", new { email })).StatusCode.ShouldBe(HttpStatusCode.Accepted);
        var token = Mailbox.TokenFrom(await Server.WaitForEmlAsync(email));
        (await client.PostAsJsonAsync("/fixci/auth/verify", new { token })).StatusCode.ShouldBe(HttpStatusCode.OK);
        (await (await client.GetAsync("/fixci/api/me")).JsonAsync())["email"]!.GetValue<string>().ShouldBe(email);
        (await client.PostAsync("/fixci/auth/logout", null)).StatusCode.ShouldBe(HttpStatusCode.NoContent);
        (await client.GetAsync("/fixci/api/me")).StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task Analyze_finds_the_marked_lines_of_a_real_breakage_and_counts_against_the_plan()
    {
        var (client, _, _) = await Server.SignUpAsync();
        var response = await (await client.PostAsJsonAsync("/fixci/analyze",
            new { failLog = Data("cidiff_11", "fail.log"), passLog = Data("cidiff_11", "pass.log") })).JsonAsync();
        var best = response["blocks"]![0]!;
        best["start"]!.GetValue<int>().ShouldBeLessThanOrEqualTo(242);
        best["end"]!.GetValue<int>().ShouldBeGreaterThanOrEqualTo(244);
        best["category"]!.GetValue<string>().ShouldBe("test-failure");
        response["usedPassLog"]!.GetValue<bool>().ShouldBeTrue();

        var usage = (await (await client.GetAsync("/api/v1/usage?product=fixci")).JsonAsync()).AsArray();
        usage.Single(u => u!["feature"]!.GetValue<string>() == "analyses_per_month")!["used"]!.GetValue<long>().ShouldBe(1);
    }

    [Fact]
    public async Task Analyze_needs_a_signed_in_caller_and_a_log()
    {
        (await Server.CreateClient().PostAsJsonAsync("/fixci/analyze", new { failLog = "x" })).StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
        var (client, _, _) = await Server.SignUpAsync();
        (await (await client.PostAsJsonAsync("/fixci/analyze", new { passLog = "y" })).ProblemAsync(HttpStatusCode.BadRequest))["errors"]!["failLog"].ShouldNotBeNull();
        ((int)(await client.PostRawAsync("/fixci/analyze", "{\"failLog\": 12}")).StatusCode).ShouldBe(400);
    }

    [Fact]
    public async Task The_admin_routes_are_for_administrators_and_billing_says_when_stripe_is_missing()
    {
        var (client, _, _) = await Server.SignUpAsync();
        (await client.GetAsync("/fixci/admin/stats")).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        (await client.GetAsync("/fixci/admin/users")).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        (await client.PostAsJsonAsync("/fixci/admin/grant", new { email = "a@example.com", planId = "fixci-pro-monthly" })).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        (await client.PostAsJsonAsync("/fixci/api/checkout", new { planId = "fixci-pro-monthly" })).StatusCode.ShouldBe(HttpStatusCode.ServiceUnavailable);
        (await client.GetAsync("/fixci/api/portal")).StatusCode.ShouldBe(HttpStatusCode.ServiceUnavailable);
    }
}
