using System.Text.Json.Nodes;
using Keel.Testing.Stripe;
using Stripe;
using Stripe.Checkout;

namespace Keel.Testing.Tests.Stripe;

public sealed class FakeStripeSubscriptionTests : IAsyncLifetime
{
    FakeStripe fake = null!;
    StripeClient client = null!;

    public async Task InitializeAsync()
    {
        fake = await FakeStripe.StartAsync();
        client = new StripeClient(fake.ApiKey, apiBase: fake.BaseUrl);
    }

    public async Task DisposeAsync() => await fake.DisposeAsync();

    [Fact]
    public async Task When_the_trial_ends_the_invoice_uses_the_credit_balance_first()
    {
        var (customerId, subscriptionId) = await SubscribeAsync(trialDays: 14);
        await new CustomerBalanceTransactionService(client).CreateAsync(
            customerId, new CustomerBalanceTransactionCreateOptions { Amount = -500, Currency = "eur" });
        fake.TrialWillEnd(subscriptionId).Events.ShouldHaveSingleItem().Type.ShouldBe("customer.subscription.trial_will_end");

        var change = fake.AdvanceSubscription(subscriptionId, "active");

        change.Events.Select(e => e.Type).ShouldBe(["customer.subscription.updated", "invoice.paid"]);
        var updated = change.Event("customer.subscription.updated");
        updated.Json.ShouldContain("\"previous_attributes\"");
        var subscription = await client.V1.Subscriptions.GetAsync(subscriptionId, new SubscriptionGetOptions { Expand = ["latest_invoice"] });
        subscription.Status.ShouldBe("active");
        subscription.LatestInvoice.AmountDue.ShouldBe(400);
        subscription.LatestInvoice.StartingBalance.ShouldBe(-500);
        subscription.LatestInvoice.EndingBalance.ShouldBe(0);
        subscription.LatestInvoice.BillingReason.ShouldBe("subscription_cycle");
        (await client.V1.Customers.GetAsync(customerId)).Balance.ShouldBe(0);
        subscription.Items.Data[0].CurrentPeriodEnd.ShouldBeGreaterThan(subscription.Items.Data[0].CurrentPeriodStart);
    }

    [Fact]
    public async Task A_failed_renewal_is_past_due_with_an_open_invoice_and_a_retry_makes_it_active()
    {
        var (_, subscriptionId) = await SubscribeAsync(trialDays: null);

        var failed = fake.AdvanceSubscription(subscriptionId, "past_due");

        failed.Events.Select(e => e.Type).ShouldBe(["customer.subscription.updated", "invoice.payment_failed"]);
        var invoiceId = failed.Object["latest_invoice"]!.GetValue<string>();
        (await client.V1.Invoices.GetAsync(invoiceId)).Status.ShouldBe("open");
        (await client.V1.Subscriptions.GetAsync(subscriptionId)).Status.ShouldBe("past_due");
        var retried = fake.AdvanceSubscription(subscriptionId, "past_due");
        retried.Events.ShouldHaveSingleItem().Type.ShouldBe("invoice.payment_failed");
        (await client.V1.Invoices.GetAsync(invoiceId)).AttemptCount.ShouldBe(2);

        var recovered = fake.AdvanceSubscription(subscriptionId, "active");

        recovered.Events.Select(e => e.Type).ShouldBe(["customer.subscription.updated", "invoice.paid"]);
        var invoice = await client.V1.Invoices.GetAsync(invoiceId);
        invoice.Status.ShouldBe("paid");
        invoice.AmountPaid.ShouldBe(900);
        invoice.AttemptCount.ShouldBe(3);
        (await client.V1.Subscriptions.GetAsync(subscriptionId)).Status.ShouldBe("active");
    }

    [Fact]
    public async Task Cancel_at_period_end_through_the_API_sends_an_update_and_delete_ends_it_now()
    {
        var (customerId, subscriptionId) = await SubscribeAsync(trialDays: null);

        var scheduled = await client.V1.Subscriptions.UpdateAsync(
            subscriptionId, new SubscriptionUpdateOptions { CancelAtPeriodEnd = true, Metadata = new() { ["reason"] = "too expensive" } });

        scheduled.CancelAtPeriodEnd.ShouldBeTrue();
        scheduled.CancelAt.ShouldBe(scheduled.Items.Data[0].CurrentPeriodEnd);
        scheduled.Metadata["reason"].ShouldBe("too expensive");
        var updated = fake.Events.Last();
        updated.Type.ShouldBe("customer.subscription.updated");
        var cause = JsonNode.Parse(updated.Json)!["request"]!;
        cause["id"]!.GetValue<string>().ShouldStartWith("req_");
        cause["idempotency_key"]!.GetValue<string>().ShouldBe(fake.Requests.Last(r => r.Method == "POST").IdempotencyKey);

        var canceled = await client.V1.Subscriptions.CancelAsync(subscriptionId);

        canceled.Status.ShouldBe("canceled");
        canceled.EndedAt.ShouldNotBeNull();
        fake.Events.Last().Type.ShouldBe("customer.subscription.deleted");
        (await client.V1.Subscriptions.ListAsync(new SubscriptionListOptions { Customer = customerId })).Data.ShouldBeEmpty();
        (await client.V1.Subscriptions.ListAsync(new SubscriptionListOptions { Customer = customerId, Status = "all" }))
            .Data.ShouldHaveSingleItem().Id.ShouldBe(subscriptionId);
    }

    [Fact]
    public async Task Stripe_giving_up_on_payment_cancels_with_a_delete_event_and_no_revival()
    {
        var (_, subscriptionId) = await SubscribeAsync(trialDays: null);
        fake.AdvanceSubscription(subscriptionId, "past_due");

        var ended = fake.AdvanceSubscription(subscriptionId, "canceled");

        var deleted = ended.Events.ShouldHaveSingleItem();
        deleted.Type.ShouldBe("customer.subscription.deleted");
        deleted.DataObject["cancellation_details"]!["reason"]!.GetValue<string>().ShouldBe("payment_failed");
        Should.Throw<InvalidOperationException>(() => fake.AdvanceSubscription(subscriptionId, "active"));
    }

    [Fact]
    public async Task Cancelling_in_the_portal_schedules_the_end_at_period_end()
    {
        var (_, subscriptionId) = await SubscribeAsync(trialDays: 14);

        var change = fake.CancelAtPeriodEnd(subscriptionId);

        change.Event("customer.subscription.updated").DataObject["cancel_at_period_end"]!.GetValue<bool>().ShouldBeTrue();
        var subscription = await client.V1.Subscriptions.GetAsync(subscriptionId);
        subscription.Status.ShouldBe("trialing");
        subscription.CancelAt.ShouldBe(subscription.TrialEnd);
    }

    [Fact]
    public async Task Changing_the_item_price_moves_the_subscription_to_the_new_plan()
    {
        var (_, subscriptionId) = await SubscribeAsync(trialDays: null);
        var yearly = fake.AddPrice("pro_yearly", 9000, "eur", "year");
        var subscription = await client.V1.Subscriptions.GetAsync(subscriptionId);

        var changed = await client.V1.Subscriptions.UpdateAsync(subscriptionId, new SubscriptionUpdateOptions
        {
            Items = [new SubscriptionItemOptions { Id = subscription.Items.Data[0].Id, Price = yearly }],
            ProrationBehavior = "none",
        });

        changed.Items.Data.ShouldHaveSingleItem().Price.LookupKey.ShouldBe("pro_yearly");
        fake.Events.Last().Json.ShouldContain("pro_monthly");
    }

    [Fact]
    public async Task The_hosted_portal_page_cancels_at_period_end_and_links_back()
    {
        var (customerId, subscriptionId) = await SubscribeAsync(trialDays: null);
        var portal = await client.V1.BillingPortal.Sessions.CreateAsync(new global::Stripe.BillingPortal.SessionCreateOptions
        {
            Customer = customerId,
            ReturnUrl = "https://keel.test/settings",
        });
        using var http = new HttpClient();

        var page = await (await http.PostAsync($"{portal.Url}/cancel", null)).Content.ReadAsStringAsync();

        page.ShouldContain("cancels at period end");
        page.ShouldContain("href=\"https://keel.test/settings\"");
        (await client.V1.Subscriptions.GetAsync(subscriptionId)).CancelAtPeriodEnd.ShouldBeTrue();
        fake.Events.Last().Type.ShouldBe("customer.subscription.updated");
        Should.Throw<InvalidOperationException>(() => fake.AdvanceSubscription(subscriptionId, "active"));
    }

    async Task<(string CustomerId, string SubscriptionId)> SubscribeAsync(long? trialDays)
    {
        var price = fake.AddPrice("pro_monthly", 900);
        var session = await client.V1.Checkout.Sessions.CreateAsync(new SessionCreateOptions
        {
            Mode = "subscription",
            CustomerEmail = "ada@example.test",
            LineItems = [new SessionLineItemOptions { Price = price, Quantity = 1 }],
            SubscriptionData = new SessionSubscriptionDataOptions { TrialPeriodDays = trialDays },
            SuccessUrl = "https://keel.test/done",
        });
        var completed = fake.CompleteCheckout(session.Id).Object;
        return (completed["customer"]!.GetValue<string>(), completed["subscription"]!.GetValue<string>());
    }
}
