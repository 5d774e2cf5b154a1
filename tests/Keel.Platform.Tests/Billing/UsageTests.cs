using System.Net;
using Keel.Testing;

namespace Keel.Platform.Tests.Billing;

public sealed class UsageTests(SqliteServer fixture) : IClassFixture<SqliteServer>
{
    private KeelTestServer Server => fixture.Server;

    [Fact]
    public async Task A_free_plan_counts_uses_warns_at_80_percent_and_refuses_past_its_limit_with_402()
    {
        var (client, _, email) = await Server.SignUpAsync();
        // FixCI's free plan allows 50 analyses a month.
        for (var i = 0; i < 39; i++)
            (await client.PostJsonAsync("/api/v1/usage", new { product = "fixci", feature = "analyses_per_month", idempotencyKey = $"run-{i}" }))
                .StatusCode.ShouldBe(HttpStatusCode.Created);
        var fortieth = await (await client.PostJsonAsync("/api/v1/usage", new { product = "fixci", feature = "analyses_per_month", idempotencyKey = "run-39" }))
            .JsonAsync(HttpStatusCode.Created);
        fortieth["used"]!.GetValue<long>().ShouldBe(40);
        fortieth["remaining"]!.GetValue<long>().ShouldBe(10);
        (await Server.WaitForEmlAsync(email, "You have used 40 of 50 analyses per month")).ShouldNotBeNull();

        (await client.PostJsonAsync("/api/v1/usage", new { product = "fixci", feature = "analyses_per_month", quantity = 10, idempotencyKey = "batch" }))
            .StatusCode.ShouldBe(HttpStatusCode.Created);
        var refused = await (await client.PostJsonAsync("/api/v1/usage", new { product = "fixci", feature = "analyses_per_month", idempotencyKey = "one-too-many" }))
            .ProblemAsync(HttpStatusCode.PaymentRequired);
        refused["limit"]!.GetValue<long>().ShouldBe(50);

        var standing = (await (await client.GetAsync("/api/v1/usage?product=fixci")).JsonAsync()).AsArray();
        standing.Single(s => s!["feature"]!.GetValue<string>() == "analyses_per_month")!["used"]!.GetValue<long>().ShouldBe(50);
    }

    [Fact]
    public async Task Reporting_a_use_twice_with_one_idempotency_key_counts_it_once()
    {
        var (client, _, _) = await Server.SignUpAsync();
        (await client.PostJsonAsync("/api/v1/usage", new { product = "studio", feature = "uploads_per_month", idempotencyKey = "video-1" })).StatusCode.ShouldBe(HttpStatusCode.Created);
        var again = await (await client.PostJsonAsync("/api/v1/usage", new { product = "studio", feature = "uploads_per_month", idempotencyKey = "video-1" })).JsonAsync();
        again["used"]!.GetValue<long>().ShouldBe(1);
    }

    [Fact]
    public async Task Organization_usage_is_for_members_only_and_bad_reports_are_400()
    {
        var (owner, _, _) = await Server.SignUpAsync("owner");
        var orgId = await owner.CreateOrganizationAsync();
        var (stranger, _, _) = await Server.SignUpAsync("stranger");
        (await owner.PostJsonAsync("/api/v1/usage", new { product = "fixci", feature = "analyses_per_month", idempotencyKey = "a", organizationId = orgId }))
            .StatusCode.ShouldBe(HttpStatusCode.Created);
        await (await stranger.PostJsonAsync("/api/v1/usage", new { product = "fixci", feature = "analyses_per_month", idempotencyKey = "b", organizationId = orgId }))
            .ProblemAsync(HttpStatusCode.NotFound);
        await (await stranger.GetAsync($"/api/v1/usage?product=fixci&organizationId={orgId}")).ProblemAsync(HttpStatusCode.NotFound);
        var problem = await (await owner.PostJsonAsync("/api/v1/usage", new { product = "nope", feature = "", quantity = -3 })).ProblemAsync(HttpStatusCode.BadRequest);
        problem["errors"]!.AsObject().Select(e => e.Key).Order().ShouldBe(["feature", "idempotencyKey", "product", "quantity"]);
    }
}
