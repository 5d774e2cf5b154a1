using System.Net;
using Keel.Platform.Billing;
using Keel.Platform.Data;
using Keel.Testing;
using Keel.Testing.Stripe;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Keel.Platform.Tests.Billing;

public sealed class GrantsAndDurabilityTests
{
    [Fact]
    public async Task Without_stripe_checkout_says_so_and_an_admin_grants_a_plan_instead()
    {
        await using var server = await KeelTestServer.StartAsync();
        var (customer, customerId, email) = await server.SignUpAsync("customer");
        var refused = await (await customer.PostJsonAsync("/api/v1/billing/checkout", new { planId = "gigzilla-pro-monthly" }))
            .ProblemAsync(HttpStatusCode.ServiceUnavailable);
        refused["title"]!.GetValue<string>().ShouldBe("Billing is not configured");

        var admin = await AdminAsync(server);
        await (await customer.PostJsonAsync("/api/v1/admin/grants", new { email, planId = "gigzilla-pro-monthly" })).ProblemAsync(HttpStatusCode.Forbidden);
        var grant = await (await admin.PostJsonAsync("/api/v1/admin/grants", new { email, planId = "gigzilla-pro-monthly", days = 30 }))
            .JsonAsync(HttpStatusCode.Created);
        var key = grant["licenseKey"]!.GetValue<string>();

        var subscription = (await (await customer.GetAsync("/api/v1/billing/subscriptions")).JsonAsync()).AsArray().Single()!;
        subscription["source"]!.GetValue<string>().ShouldBe("grant");
        subscription["status"]!.GetValue<string>().ShouldBe("active");
        var validated = await (await customer.PostJsonAsync("/gigzilla/api/validate", new { email, licenseKey = key, machineId = "m" })).JsonAsync();
        validated["tier"]!.GetValue<string>().ShouldBe("pro");
        validated["valid"]!.GetValue<bool>().ShouldBeTrue();
        customerId.ShouldNotBe(Guid.Empty);
    }

    [Fact]
    public async Task Granting_to_an_unknown_address_creates_the_account_and_bad_grants_are_400()
    {
        await using var server = await KeelTestServer.StartAsync();
        var admin = await AdminAsync(server);
        var email = KeelApi.NewEmail("newcomer");
        (await admin.PostJsonAsync("/api/v1/admin/grants", new { email, planId = "fixci-pro-monthly" })).StatusCode.ShouldBe(HttpStatusCode.Created);
        (await (await admin.PostJsonAsync("/api/v1/admin/grants", new { email, planId = "nope", days = -1 })).ProblemAsync(HttpStatusCode.BadRequest))
            ["errors"]!.AsObject().Select(e => e.Key).Order().ShouldBe(["days", "planId"]);
    }

    [Fact]
    public async Task An_event_stored_just_before_a_crash_is_applied_when_the_server_comes_back()
    {
        var database = Path.Combine(Directory.CreateTempSubdirectory("keel-crash-").FullName, "keel.db");
        await using var stripe = await FakeStripe.StartAsync();
        stripe.AddPrice("gigzilla_pro_monthly", 900, "eur", "month");

        // First life: the checkout is created, then the server dies right after the webhook stored the event.
        string sessionId;
        Guid accountId;
        StripeChange completed;
        await using (var first = await StripeServerAsync(stripe, database))
        {
            var (client, id, _) = await first.SignUpAsync();
            accountId = id;
            sessionId = (await (await client.PostJsonAsync("/api/v1/billing/checkout", new { planId = "gigzilla-pro-monthly" })).JsonAsync())["sessionId"]!.GetValue<string>();
            completed = stripe.CompleteCheckout(sessionId);
            await using var scope = first.Services.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<KeelDbContext>();
            var e = completed.Event("checkout.session.completed");
            // Exactly what the webhook stores, without the processor getting to it.
            db.StripeEvents.Add(new StripeEventRecord { Id = e.Id, Type = e.Type, Payload = e.Json, CreatedAt = DateTimeOffset.UtcNow, ReceivedAt = DateTimeOffset.UtcNow, NextAttemptAt = DateTimeOffset.UtcNow.AddHours(1) });
            await db.SaveChangesAsync();
        }

        // Second life: the stored event is applied without Stripe sending anything again.
        await using var second = await StripeServerAsync(stripe, database);
        await using (var scope = second.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<KeelDbContext>();
            await db.StripeEvents.ExecuteUpdateAsync(s => s.SetProperty(e => e.NextAttemptAt, DateTimeOffset.UtcNow.AddMinutes(-1)));
        }
        var processor = second.Services.GetRequiredService<StripeEventProcessor>();
        for (var attempt = 0; attempt < 100; attempt++)
        {
            await processor.ProcessDueAsync(CancellationToken.None);
            await using var scope = second.Services.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<KeelDbContext>();
            if ((await db.StripeEvents.SingleAsync()).Status == StripeEventStatus.Processed) break;
            await Task.Delay(50);
        }
        await using (var scope = second.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<KeelDbContext>();
            (await db.StripeEvents.SingleAsync()).Status.ShouldBe(StripeEventStatus.Processed);
            (await db.Subscriptions.SingleAsync(s => s.Owner == $"account:{accountId}")).Status.ShouldBe(SubscriptionStatus.Trialing);
        }
    }

    private static Task<KeelTestServer> StripeServerAsync(FakeStripe stripe, string database) => KeelTestServer.StartAsync(o =>
    {
        o.ConnectionString = $"Data Source={database}";
        o.Settings["Keel:Stripe:SecretKey"] = stripe.ApiKey;
        o.Settings["Keel:Stripe:ApiBase"] = stripe.BaseUrl;
        o.Settings["Keel:Stripe:WebhookSecrets:0"] = StripeBilling.WebhookSecret;
    });

    private static async Task<HttpClient> AdminAsync(KeelTestServer server)
    {
        var (client, _, email) = await server.SignUpAsync("admin");
        await using (var scope = server.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<KeelDbContext>();
            (await db.Accounts.SingleAsync(a => a.NormalizedEmail == email)).IsAdmin = true;
            await db.SaveChangesAsync();
        }
        await client.PostJsonAsync("/api/v1/auth/login", new { email, password = KeelApi.Password });
        return client;
    }
}
