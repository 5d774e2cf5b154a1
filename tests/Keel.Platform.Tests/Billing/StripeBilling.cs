using Keel.Platform.Billing;
using Keel.Platform.Data;
using Keel.Testing;
using Keel.Testing.Stripe;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Keel.Platform.Tests.Billing;

/// <summary>A Keel server wired to a Stripe-compatible server, and the moves a billing test makes.</summary>
public sealed class StripeBilling : IAsyncDisposable
{
    public const string WebhookSecret = "whsec_keel_test";

    private StripeBilling(FakeStripe stripe, KeelTestServer server)
    {
        Stripe = stripe;
        Server = server;
    }

    public FakeStripe Stripe { get; }
    public KeelTestServer Server { get; }

    public static async Task<StripeBilling> StartAsync(TimeProvider? time = null, string? connectionString = null)
    {
        var stripe = await FakeStripe.StartAsync(time: time);
        stripe.AddPrice("gigzilla_pro_monthly", 900, "eur", "month");
        stripe.AddPrice("fixci_pro_monthly", 2900, "usd", "month");
        var server = await KeelTestServer.StartAsync(o =>
        {
            o.Time = time;
            o.ConnectionString = connectionString;
            o.Settings["Keel:Stripe:SecretKey"] = stripe.ApiKey;
            o.Settings["Keel:Stripe:ApiBase"] = stripe.BaseUrl;
            o.Settings["Keel:Stripe:WebhookSecrets:0"] = "whsec_retired_secret";
            o.Settings["Keel:Stripe:WebhookSecrets:1"] = WebhookSecret;
        });
        return new StripeBilling(stripe, server);
    }

    public Uri Webhook => new(Server.Address, "/api/v1/billing/stripe/webhook");

    /// <summary>Delivers one event, signed as Stripe signs, and waits until Keel has applied it.</summary>
    public async Task DeliverAsync(StripeEvent e)
    {
        (await Stripe.DeliverAsync(e, Webhook, WebhookSecret)).ShouldBe(System.Net.HttpStatusCode.OK);
        await SettledAsync();
    }

    /// <summary>Waits until no stored event is pending.</summary>
    public async Task SettledAsync()
    {
        var processor = Server.Services.GetRequiredService<StripeEventProcessor>();
        for (var i = 0; i < 200; i++)
        {
            await processor.ProcessDueAsync(CancellationToken.None);
            await using var scope = Server.Services.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<KeelDbContext>();
            if (!await db.StripeEvents.AnyAsync(x => x.Status == StripeEventStatus.Pending)) return;
            await Task.Delay(25);
        }
        throw new TimeoutException("Stripe events stayed pending.");
    }

    /// <summary>Signs up, starts a Checkout for the plan and completes it on "Stripe's" side. Returns the session's events.</summary>
    public async Task<(HttpClient Client, Guid AccountId, string Email, StripeChange Completed)> SubscribeAsync(string planId = "gigzilla-pro-monthly")
    {
        var (client, id, email) = await Server.SignUpAsync("customer");
        var checkout = await (await client.PostJsonAsync("/api/v1/billing/checkout", new { planId })).JsonAsync();
        var completed = Stripe.CompleteCheckout(checkout["sessionId"]!.GetValue<string>());
        return (client, id, email, completed);
    }

    public async Task<T> WithDbAsync<T>(Func<KeelDbContext, Task<T>> query)
    {
        await using var scope = Server.Services.CreateAsyncScope();
        return await query(scope.ServiceProvider.GetRequiredService<KeelDbContext>());
    }

    public async ValueTask DisposeAsync()
    {
        await Server.DisposeAsync();
        await Stripe.DisposeAsync();
    }
}
