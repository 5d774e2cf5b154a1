using System.Net;
using Keel.Testing.Stripe;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Time.Testing;
using Stripe;
using Stripe.Checkout;

namespace Keel.Testing.Tests.Stripe;

public sealed class FakeStripeWebhookTests : IAsyncLifetime
{
    const string Secret = "whsec_test_keel";

    FakeStripe fake = null!;
    StripeClient client = null!;

    public async Task InitializeAsync()
    {
        fake = await FakeStripe.StartAsync();
        client = new StripeClient(fake.ApiKey, apiBase: fake.BaseUrl);
    }

    public async Task DisposeAsync() => await fake.DisposeAsync();

    [Fact]
    public void Sign_computes_the_same_signature_as_Stripe_net()
    {
        const string payload = "{\"id\":\"evt_1\",\"object\":\"event\"}";
        var at = DateTimeOffset.FromUnixTimeSeconds(1_700_000_000);

        var header = FakeStripe.Sign(payload, Secret, at);

        header.ShouldBe($"t=1700000000,v1={EventUtility.ComputeSignature(Secret, "1700000000", payload)}");
        header.ShouldBe(EventUtility.GenerateSignatureHeader(payload, Secret, 1_700_000_000));
        Should.NotThrow(() => EventUtility.ValidateSignature(payload, header, Secret, tolerance: 300, utcNow: 1_700_000_100));
    }

    [Fact]
    public void The_events_carry_the_API_version_Stripe_net_is_pinned_to()
    {
        FakeStripe.DefaultApiVersion.ShouldBe(StripeConfiguration.ApiVersion);
    }

    [Fact]
    public async Task Delivered_events_verify_with_ConstructEvent_and_parse_into_Stripe_net_objects()
    {
        var received = new List<(string Body, string Signature)>();
        await using var endpoint = await StartEndpointAsync(received);
        var completion = await CompleteTrialCheckoutAsync();

        foreach (var stripeEvent in completion.Events)
        {
            (await fake.DeliverAsync(stripeEvent, endpoint.Url, Secret)).ShouldBe(HttpStatusCode.OK);
        }

        received.Count.ShouldBe(completion.Events.Count);
        var parsed = received.Select(r => EventUtility.ConstructEvent(r.Body, r.Signature, Secret, throwOnApiVersionMismatch: false)).ToList();
        parsed.Select(e => e.Type).ShouldBe(completion.Events.Select(e => e.Type));
        parsed.ShouldAllBe(e => e.Object == "event" && !e.Livemode && e.Id.StartsWith("evt_"));
        var session = parsed.Single(e => e.Type == EventTypes.CheckoutSessionCompleted).Data.Object.ShouldBeOfType<Session>();
        session.Metadata["account_id"].ShouldBe("acc_1");
        session.SubscriptionId.ShouldStartWith("sub_");
        var subscription = parsed.Single(e => e.Type == EventTypes.CustomerSubscriptionCreated).Data.Object.ShouldBeOfType<Subscription>();
        subscription.Status.ShouldBe("trialing");
        subscription.Items.Data[0].Price.LookupKey.ShouldBe("pro_monthly");
        parsed.Single(e => e.Type == EventTypes.InvoicePaid).Data.Object.ShouldBeOfType<Invoice>()
            .Parent.SubscriptionDetails.SubscriptionId.ShouldBe(subscription.Id);
    }

    [Fact]
    public async Task ConstructEvent_rejects_a_stale_signature_and_one_made_with_another_secret()
    {
        var stripeEvent = (await CompleteTrialCheckoutAsync()).Event("checkout.session.completed");

        var stale = FakeStripe.Sign(stripeEvent.Json, Secret, DateTimeOffset.UtcNow.AddMinutes(-10));
        var forged = FakeStripe.Sign(stripeEvent.Json, "whsec_other", DateTimeOffset.UtcNow);

        Should.Throw<StripeException>(() => EventUtility.ConstructEvent(stripeEvent.Json, stale, Secret, throwOnApiVersionMismatch: false));
        Should.Throw<StripeException>(() => EventUtility.ConstructEvent(stripeEvent.Json, forged, Secret, throwOnApiVersionMismatch: false));
    }

    [Fact]
    public async Task Timestamps_and_delivery_signatures_follow_the_given_clock()
    {
        var clock = new FakeTimeProvider(new DateTimeOffset(2030, 1, 1, 0, 0, 0, TimeSpan.Zero));
        await using var frozen = await FakeStripe.StartAsync(time: clock);
        var frozenClient = new StripeClient(frozen.ApiKey, apiBase: frozen.BaseUrl);
        var received = new List<(string Body, string Signature)>();
        await using var endpoint = await StartEndpointAsync(received);

        var customer = await frozenClient.V1.Customers.CreateAsync(new CustomerCreateOptions { Email = "ada@example.test" });
        clock.Advance(TimeSpan.FromMinutes(1));
        await frozen.DeliverAsync(frozen.Events.Single(), endpoint.Url, Secret);

        customer.Created.ShouldBe(clock.Start.UtcDateTime);
        received.ShouldHaveSingleItem().Signature.ShouldStartWith($"t={clock.GetUtcNow().ToUnixTimeSeconds()},v1=");
    }

    [Fact]
    public async Task Events_can_also_be_fetched_from_the_events_API()
    {
        var stripeEvent = (await CompleteTrialCheckoutAsync()).Event("invoice.paid");

        var fetched = await client.V1.Events.GetAsync(stripeEvent.Id);

        fetched.Type.ShouldBe("invoice.paid");
        fetched.Data.Object.ShouldBeOfType<Invoice>().Status.ShouldBe("paid");
    }

    async Task<StripeChange> CompleteTrialCheckoutAsync()
    {
        var price = fake.AddPrice("pro_monthly", 900);
        var session = await client.V1.Checkout.Sessions.CreateAsync(new SessionCreateOptions
        {
            Mode = "subscription",
            CustomerEmail = "ada@example.test",
            LineItems = [new SessionLineItemOptions { Price = price, Quantity = 1 }],
            SubscriptionData = new SessionSubscriptionDataOptions { TrialPeriodDays = 7 },
            Metadata = new() { ["account_id"] = "acc_1" },
            SuccessUrl = "https://keel.test/done",
        });
        return fake.CompleteCheckout(session.Id);
    }

    static async Task<WebhookEndpoint> StartEndpointAsync(List<(string Body, string Signature)> received)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseKestrel(kestrel => kestrel.Listen(IPAddress.Loopback, 0));
        var app = builder.Build();
        app.MapPost("/webhooks/stripe", async (HttpRequest request) =>
        {
            using var reader = new StreamReader(request.Body);
            var body = await reader.ReadToEndAsync();
            lock (received)
            {
                received.Add((body, request.Headers["Stripe-Signature"].ToString()));
            }

            return Results.Ok();
        });
        await app.StartAsync();
        var address = app.Services.GetRequiredService<IServer>().Features.GetRequiredFeature<IServerAddressesFeature>().Addresses.Single();
        return new WebhookEndpoint(app, new Uri($"{address.TrimEnd('/')}/webhooks/stripe"));
    }

    sealed record WebhookEndpoint(WebApplication App, Uri Url) : IAsyncDisposable
    {
        public ValueTask DisposeAsync() => App.DisposeAsync();
    }
}
