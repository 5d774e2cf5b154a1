using System.Net;
using System.Text;
using Keel.Platform.Billing;
using Keel.Platform.Licensing;
using Keel.Testing;
using Keel.Testing.Stripe;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Time.Testing;

namespace Keel.Platform.Tests.Billing;

public sealed class StripeBillingTests : IAsyncLifetime
{
    private StripeBilling _billing = null!;

    public async Task InitializeAsync() => _billing = await StripeBilling.StartAsync();

    public async Task DisposeAsync() => await _billing.DisposeAsync();

    [Fact]
    public async Task Checkout_carries_the_account_product_plan_trial_and_referral_to_stripe()
    {
        var (referrer, _, _) = await _billing.Server.SignUpAsync("referrer");
        var code = (await (await referrer.GetAsync("/api/v1/referrals")).JsonAsync())["referralCode"]!.GetValue<string>();
        var (client, id, _) = await _billing.Server.SignUpAsync();
        var checkout = await (await client.PostJsonAsync("/api/v1/billing/checkout", new { planId = "gigzilla-pro-monthly", referralCode = code })).JsonAsync();
        checkout["url"]!.GetValue<string>().ShouldStartWith(_billing.Stripe.BaseUrl);

        var session = _billing.Stripe.Get(checkout["sessionId"]!.GetValue<string>());
        session["mode"]!.GetValue<string>().ShouldBe("subscription");
        session["client_reference_id"]!.GetValue<string>().ShouldBe($"account:{id}");
        session["metadata"]!["product"]!.GetValue<string>().ShouldBe("gigzilla");
        session["metadata"]!["referral_code"]!.GetValue<string>().ShouldBe(code);
        session["success_url"]!.GetValue<string>().ShouldContain("{CHECKOUT_SESSION_ID}");
        var request = _billing.Stripe.Requests.Single(r => r.Path == "/v1/checkout/sessions" && r.Method == "POST");
        var form = Uri.UnescapeDataString(request.Body);
        form.ShouldContain("subscription_data[trial_period_days]=14");
        form.ShouldContain($"subscription_data[metadata][account_id]={id}");
    }

    [Fact]
    public async Task A_completed_checkout_makes_a_trialing_subscription_and_a_pro_license_mailed_to_the_customer()
    {
        var (client, id, email, completed) = await _billing.SubscribeAsync();
        foreach (var e in completed.Events) await _billing.DeliverAsync(e);

        var subscription = (await (await client.GetAsync("/api/v1/billing/subscriptions")).JsonAsync()).AsArray().Single()!;
        subscription["status"]!.GetValue<string>().ShouldBe("trialing");
        subscription["planId"]!.GetValue<string>().ShouldBe("gigzilla-pro-monthly");
        subscription["trialEndsAt"].ShouldNotBeNull();

        var license = await _billing.WithDbAsync(db => db.Licenses.SingleAsync(l => l.AccountId == id));
        license.Tier.ShouldBe("pro");
        license.MaxMachines.ShouldBe(3);
        license.State.ShouldBe(LicenseState.Trial);
        var mail = await _billing.Server.WaitForEmlAsync(email, "Your Gigzilla license key");
        (await client.PostJsonAsync("/api/v1/licenses/validate", new { key = LicenseKeyIn(mail.TextBody!) })).StatusCode.ShouldBe(HttpStatusCode.OK);
    }

    [Fact]
    public async Task A_trial_started_without_a_card_keeps_its_key_when_the_customer_subscribes()
    {
        var client = _billing.Server.CreateClient();
        var email = KeelApi.NewEmail("upgrader");
        var trial = await (await client.PostJsonAsync("/gigzilla/api/start-trial", new { email, machineId = "m1" })).JsonAsync();
        var key = trial["licenseKey"]!.GetValue<string>();

        // The trial user signs in by magic link, then subscribes.
        await client.PostJsonAsync("/api/v1/auth/magic-link", new { email });
        var token = Mailbox.TokenFrom(await _billing.Server.WaitForEmlAsync(email));
        await (await client.PostJsonAsync("/api/v1/auth/magic-link/verify", new { token })).JsonAsync();
        var checkout = await (await client.PostJsonAsync("/api/v1/billing/checkout", new { planId = "gigzilla-pro-monthly" })).JsonAsync();
        var completed = _billing.Stripe.CompleteCheckout(checkout["sessionId"]!.GetValue<string>());
        foreach (var e in completed.Events) await _billing.DeliverAsync(e);
        foreach (var e in _billing.Stripe.AdvanceSubscription(completed.Object["subscription"]!.GetValue<string>(), "active").Events)
            await _billing.DeliverAsync(e);

        var validated = await (await client.PostJsonAsync("/gigzilla/api/validate", new { email, licenseKey = key, machineId = "m1" })).JsonAsync();
        validated["valid"]!.GetValue<bool>().ShouldBeTrue();
        validated["status"]!.GetValue<string>().ShouldBe("active");
        validated["tier"]!.GetValue<string>().ShouldBe("pro");
        var hint = key[^5..];
        (await _billing.WithDbAsync(db => db.Licenses.CountAsync(l => l.Product == "gigzilla" && l.KeyHint == hint))).ShouldBe(1);
    }

    [Fact]
    public async Task Seed_000s_verify_accepts_the_completed_checkout_session_before_any_webhook_arrived()
    {
        var (client, _, email, completed) = await _billing.SubscribeAsync();
        var sessionId = completed.Object["id"]!.GetValue<string>();
        (await client.PostJsonAsync("/gigzilla/verify", new { email = KeelApi.NewEmail(), sessionId })).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await client.PostJsonAsync("/gigzilla/verify", new { email, sessionId = "cs_test_forged" })).StatusCode.ShouldBe(HttpStatusCode.NotFound);

        var verified = await (await client.PostJsonAsync("/gigzilla/verify", new { email, sessionId })).JsonAsync();
        verified["valid"]!.GetValue<bool>().ShouldBeTrue();
        verified["status"]!.GetValue<string>().ShouldBe("trial");
        verified["tier"]!.GetValue<string>().ShouldBe("pro");
        verified["token"]!.GetValue<string>().Split('.').Length.ShouldBe(3);
    }

    [Fact]
    public async Task Every_order_of_a_subscriptions_events_ends_in_the_same_state()
    {
        var (_, id, _, completed) = await _billing.SubscribeAsync();
        var subscriptionId = completed.Object["subscription"]!.GetValue<string>();
        var activated = _billing.Stripe.AdvanceSubscription(subscriptionId, "active");
        var canceled = _billing.Stripe.AdvanceSubscription(subscriptionId, "canceled");
        var lifecycle = new[]
        {
            completed.Event("customer.subscription.created"),
            completed.Event("checkout.session.completed"),
            activated.Event("customer.subscription.updated"),
            activated.Event("invoice.paid"),
            canceled.Event("customer.subscription.deleted"),
        };

        var outcomes = new HashSet<string>();
        foreach (var order in Permutations(lifecycle))
        {
            await ForgetBillingAsync();
            foreach (var e in order) await _billing.DeliverAsync(e);
            outcomes.Add(await OutcomeAsync(id));
        }
        outcomes.ShouldHaveSingleItem().ShouldStartWith("Canceled|gigzilla-pro-monthly|Canceled|");
    }

    [Fact]
    public async Task A_duplicated_delivery_is_applied_once()
    {
        var (_, id, email, completed) = await _billing.SubscribeAsync();
        foreach (var e in completed.Events) await _billing.DeliverAsync(e);
        var renewal = _billing.Stripe.AdvanceSubscription(completed.Object["subscription"]!.GetValue<string>(), "active");
        var paid = renewal.Event("invoice.paid");
        await _billing.DeliverAsync(renewal.Event("customer.subscription.updated"));
        await _billing.DeliverAsync(paid);
        await _billing.DeliverAsync(paid);
        await _billing.DeliverAsync(paid);

        (await _billing.WithDbAsync(db => db.StripeEvents.CountAsync(e => e.Id == paid.Id))).ShouldBe(1);
        await _billing.Server.WaitForEmlAsync(email, "Payment received: EUR 9.00");
        (await _billing.WithDbAsync(db => db.OutboxMessages.CountAsync(m => m.To == email && m.Kind == "payment-received"))).ShouldBe(1);
        (await OutcomeAsync(id)).ShouldStartWith("Active|");
    }

    [Fact]
    public async Task A_failed_renewal_mails_the_customer_and_keeps_access_while_stripe_retries()
    {
        var (_, id, email, completed) = await _billing.SubscribeAsync();
        foreach (var e in completed.Events) await _billing.DeliverAsync(e);
        foreach (var e in _billing.Stripe.AdvanceSubscription(completed.Object["subscription"]!.GetValue<string>(), "past_due").Events)
            await _billing.DeliverAsync(e);

        (await OutcomeAsync(id)).ShouldStartWith("PastDue|gigzilla-pro-monthly|PastDue|");
        (await _billing.Server.WaitForEmlAsync(email, "Your payment for Gigzilla Pro failed")).TextBody!.ShouldContain("Stripe will try again");
    }

    [Fact]
    public async Task The_trial_ending_notice_is_mailed()
    {
        var (_, _, email, completed) = await _billing.SubscribeAsync();
        foreach (var e in completed.Events) await _billing.DeliverAsync(e);
        foreach (var e in _billing.Stripe.TrialWillEnd(completed.Object["subscription"]!.GetValue<string>()).Events) await _billing.DeliverAsync(e);
        (await _billing.Server.WaitForEmlAsync(email, "Your Gigzilla Pro trial ends on " + TrialEndOf(completed))).ShouldNotBeNull();
    }

    [Fact]
    public async Task Bad_stale_and_missing_signatures_are_refused_and_a_rolled_secret_still_works()
    {
        var (_, _, _, completed) = await _billing.SubscribeAsync();
        var e = completed.Event("checkout.session.completed");
        using var http = new HttpClient();

        async Task<HttpStatusCode> PostAsync(string? signature)
        {
            using var request = new HttpRequestMessage(HttpMethod.Post, _billing.Webhook) { Content = new StringContent(e.Json, Encoding.UTF8, "application/json") };
            if (signature is not null) request.Headers.Add("Stripe-Signature", signature);
            return (await http.SendAsync(request)).StatusCode;
        }

        (await PostAsync(null)).ShouldBe(HttpStatusCode.BadRequest);
        (await PostAsync(FakeStripe.Sign(e.Json, "whsec_wrong", DateTimeOffset.UtcNow))).ShouldBe(HttpStatusCode.BadRequest);
        (await PostAsync(FakeStripe.Sign(e.Json, StripeBilling.WebhookSecret, DateTimeOffset.UtcNow.AddMinutes(-6)))).ShouldBe(HttpStatusCode.BadRequest);
        (await PostAsync(FakeStripe.Sign(e.Json + " ", StripeBilling.WebhookSecret, DateTimeOffset.UtcNow))).ShouldBe(HttpStatusCode.BadRequest);
        (await _billing.WithDbAsync(db => db.StripeEvents.CountAsync())).ShouldBe(0);

        (await PostAsync(FakeStripe.Sign(e.Json, "whsec_retired_secret", DateTimeOffset.UtcNow))).ShouldBe(HttpStatusCode.OK);
        (await _billing.WithDbAsync(db => db.StripeEvents.CountAsync())).ShouldBe(1);
    }

    [Fact]
    public async Task An_unknown_event_type_is_stored_and_acknowledged()
    {
        const string json = """{"id":"evt_unknown_1","object":"event","type":"radar.early_fraud_warning.created","created":1790000000,"data":{"object":{"id":"issfr_1"}}}""";
        using var http = new HttpClient();
        using var request = new HttpRequestMessage(HttpMethod.Post, _billing.Webhook) { Content = new StringContent(json, Encoding.UTF8, "application/json") };
        request.Headers.Add("Stripe-Signature", FakeStripe.Sign(json, StripeBilling.WebhookSecret, DateTimeOffset.UtcNow));
        (await http.SendAsync(request)).StatusCode.ShouldBe(HttpStatusCode.OK);
        await _billing.SettledAsync();
        (await _billing.WithDbAsync(db => db.StripeEvents.SingleAsync(e => e.Id == "evt_unknown_1"))).Status.ShouldBe(StripeEventStatus.Processed);
    }

    [Fact]
    public async Task An_organization_subscribes_through_its_admins_only()
    {
        var (owner, _, _) = await _billing.Server.SignUpAsync("owner");
        var orgId = await owner.CreateOrganizationAsync("Build Co");
        var (stranger, _, _) = await _billing.Server.SignUpAsync("stranger");
        await (await stranger.PostJsonAsync("/api/v1/billing/checkout", new { planId = "fixci-pro-monthly", organizationId = orgId })).ProblemAsync(HttpStatusCode.NotFound);

        var checkout = await (await owner.PostJsonAsync("/api/v1/billing/checkout", new { planId = "fixci-pro-monthly", organizationId = orgId })).JsonAsync();
        foreach (var e in _billing.Stripe.CompleteCheckout(checkout["sessionId"]!.GetValue<string>()).Events) await _billing.DeliverAsync(e);
        var subscription = (await (await owner.GetAsync("/api/v1/billing/subscriptions")).JsonAsync()).AsArray().Single()!;
        subscription["owner"]!.GetValue<string>().ShouldBe($"organization:{orgId}");
        subscription["product"]!.GetValue<string>().ShouldBe("fixci");
        (await (await stranger.GetAsync("/api/v1/billing/subscriptions")).JsonAsync()).AsArray().ShouldBeEmpty();
        (await (await owner.PostJsonAsync("/api/v1/billing/portal", new { organizationId = orgId })).JsonAsync())["url"]!.GetValue<string>()
            .ShouldStartWith(_billing.Stripe.BaseUrl);
    }

    [Theory]
    [InlineData("{\"planId\": \"no-such-plan\"}")]
    [InlineData("{\"planId\": \"gigzilla-trial\"}")]
    [InlineData("{\"planId\": 42}")]
    public async Task Checkout_for_a_plan_that_cannot_be_bought_is_a_4xx(string body)
    {
        var (client, _, _) = await _billing.Server.SignUpAsync();
        ((int)(await client.PostRawAsync("/api/v1/billing/checkout", body)).StatusCode).ShouldBe(400);
    }

    private static string TrialEndOf(StripeChange completed) =>
        DateTimeOffset.FromUnixTimeSeconds(completed.Event("customer.subscription.created").DataObject["trial_end"]!.GetValue<long>())
            .ToString("MMMM d", System.Globalization.CultureInfo.InvariantCulture);

    private static string LicenseKeyIn(string text) =>
        System.Text.RegularExpressions.Regex.Match(text, @"GZ(-[0-9A-Z]{5}){6}").Value;

    private async Task<string> OutcomeAsync(Guid accountId) => await _billing.WithDbAsync(async db =>
    {
        var subscription = await db.Subscriptions.SingleAsync(s => s.Owner == $"account:{accountId}");
        var license = await db.Licenses.SingleAsync(l => l.AccountId == accountId);
        return $"{subscription.Status}|{subscription.PlanId}|{license.State}|{license.ExpiresAt:O}|{subscription.AccessEndsAt:O}";
    });

    /// <summary>Between permutations: Keel forgets what it applied, Stripe's side stays as it is.</summary>
    private Task ForgetBillingAsync() => _billing.WithDbAsync(async db =>
    {
        await db.StripeEvents.ExecuteDeleteAsync();
        await db.Subscriptions.ExecuteDeleteAsync();
        await db.Licenses.ExecuteDeleteAsync();
        await db.BillingCustomers.ExecuteDeleteAsync();
        return 0;
    });

    private static IEnumerable<T[]> Permutations<T>(T[] items)
    {
        if (items.Length <= 1)
        {
            yield return items;
            yield break;
        }
        for (var i = 0; i < items.Length; i++)
            foreach (var rest in Permutations(items.Where((_, j) => j != i).ToArray()))
                yield return [items[i], .. rest];
    }
}
