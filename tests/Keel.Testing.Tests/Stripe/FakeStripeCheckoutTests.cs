using System.Net;
using Keel.Testing.Stripe;
using Stripe;
using Stripe.Checkout;

namespace Keel.Testing.Tests.Stripe;

public sealed class FakeStripeCheckoutTests : IAsyncLifetime
{
    FakeStripe fake = null!;
    StripeClient client = null!;
    string monthly = null!;

    public async Task InitializeAsync()
    {
        fake = await FakeStripe.StartAsync();
        client = new StripeClient(fake.ApiKey, apiBase: fake.BaseUrl);
        monthly = fake.AddPrice("gigzilla_monthly", 900, "eur", "month");
    }

    public async Task DisposeAsync() => await fake.DisposeAsync();

    [Fact]
    public async Task Prices_are_found_by_lookup_key()
    {
        fake.AddPrice("gigzilla_yearly", 9000, "eur", "year");

        var prices = await client.V1.Prices.ListAsync(new PriceListOptions { LookupKeys = ["gigzilla_monthly"], Active = true });

        var price = prices.Data.ShouldHaveSingleItem();
        price.Id.ShouldBe(monthly);
        price.UnitAmount.ShouldBe(900);
        price.Currency.ShouldBe("eur");
        price.Recurring.Interval.ShouldBe("month");
        (await client.V1.Prices.GetAsync(monthly)).LookupKey.ShouldBe("gigzilla_monthly");
    }

    [Fact]
    public async Task A_trial_checkout_reads_back_and_on_completion_creates_a_trialing_subscription_with_its_metadata()
    {
        var session = await client.V1.Checkout.Sessions.CreateAsync(TrialCheckout("ada@example.test"));

        session.Id.ShouldStartWith("cs_test_");
        session.Url.ShouldBe($"{fake.BaseUrl}/checkout/{session.Id}");
        session.Status.ShouldBe("open");
        session.Mode.ShouldBe("subscription");
        session.ClientReferenceId.ShouldBe("acc_1");
        session.Metadata["account_id"].ShouldBe("acc_1");
        session.AmountTotal.ShouldBe(900);
        session.SuccessUrl.ShouldBe("https://keel.test/billing/done?session={CHECKOUT_SESSION_ID}");

        var completion = fake.CompleteCheckout(session.Id);

        completion.Events.Select(e => e.Type).ShouldBe(
            ["customer.created", "customer.subscription.created", "invoice.paid", "checkout.session.completed"]);
        var completed = await client.V1.Checkout.Sessions.GetAsync(
            session.Id, new SessionGetOptions { Expand = ["subscription", "customer"] });
        completed.Status.ShouldBe("complete");
        completed.PaymentStatus.ShouldBe("no_payment_required");
        completed.CustomerDetails.Email.ShouldBe("ada@example.test");
        completed.Customer.Email.ShouldBe("ada@example.test");
        completed.Subscription.Status.ShouldBe("trialing");
        completed.SubscriptionId.ShouldStartWith("sub_");

        var subscription = await client.V1.Subscriptions.GetAsync(completed.SubscriptionId);
        subscription.Status.ShouldBe("trialing");
        subscription.CustomerId.ShouldBe(completed.CustomerId);
        subscription.Metadata["account_id"].ShouldBe("acc_1");
        subscription.TrialStart.ShouldNotBeNull();
        (subscription.TrialEnd!.Value - subscription.TrialStart.Value).ShouldBe(TimeSpan.FromDays(14));
        var item = subscription.Items.Data.ShouldHaveSingleItem();
        item.Price.LookupKey.ShouldBe("gigzilla_monthly");
        item.Price.UnitAmount.ShouldBe(900);
        item.CurrentPeriodEnd.ShouldBe(subscription.TrialEnd.Value);
        subscription.LatestInvoiceId.ShouldStartWith("in_");
        var invoice = await client.V1.Invoices.GetAsync(subscription.LatestInvoiceId);
        invoice.AmountPaid.ShouldBe(0);
        invoice.Parent.SubscriptionDetails.SubscriptionId.ShouldBe(subscription.Id);
    }

    [Fact]
    public async Task A_checkout_without_trial_for_an_existing_customer_starts_an_active_paid_subscription()
    {
        var customer = await client.V1.Customers.CreateAsync(new CustomerCreateOptions { Email = "ada@example.test" });
        var session = await client.V1.Checkout.Sessions.CreateAsync(new SessionCreateOptions
        {
            Mode = "subscription",
            Customer = customer.Id,
            LineItems = [new SessionLineItemOptions { Price = monthly, Quantity = 1 }],
            SuccessUrl = "https://keel.test/done",
        });

        var completion = fake.CompleteCheckout(session.Id);

        completion.Events.Select(e => e.Type).ShouldNotContain("customer.created");
        completion.Object["payment_status"]!.GetValue<string>().ShouldBe("paid");
        var subscriptions = await client.V1.Subscriptions.ListAsync(new SubscriptionListOptions { Customer = customer.Id });
        var subscription = subscriptions.Data.ShouldHaveSingleItem();
        subscription.Status.ShouldBe("active");
        subscription.TrialEnd.ShouldBeNull();
        var invoice = await client.V1.Invoices.GetAsync(subscription.LatestInvoiceId);
        invoice.Status.ShouldBe("paid");
        invoice.AmountPaid.ShouldBe(900);
    }

    [Fact]
    public async Task An_open_checkout_lists_its_line_item_and_can_be_expired_once()
    {
        var session = await client.V1.Checkout.Sessions.CreateAsync(TrialCheckout("ada@example.test"));

        var item = (await new SessionLineItemService(client).ListAsync(session.Id)).Data.ShouldHaveSingleItem();
        item.Price.Id.ShouldBe(monthly);
        item.Quantity.ShouldBe(1);

        var expired = await client.V1.Checkout.Sessions.ExpireAsync(session.Id);

        expired.Status.ShouldBe("expired");
        fake.Events.Last().Type.ShouldBe("checkout.session.expired");
        var again = await Should.ThrowAsync<StripeException>(() => client.V1.Checkout.Sessions.ExpireAsync(session.Id));
        again.HttpStatusCode.ShouldBe(HttpStatusCode.BadRequest);
        Should.Throw<InvalidOperationException>(() => fake.CompleteCheckout(session.Id));
    }

    [Fact]
    public async Task A_checkout_with_an_unknown_price_is_refused_naming_the_parameter()
    {
        var options = TrialCheckout("ada@example.test");
        options.LineItems[0].Price = "price_nope";

        var refused = await Should.ThrowAsync<StripeException>(() => client.V1.Checkout.Sessions.CreateAsync(options));

        refused.HttpStatusCode.ShouldBe(HttpStatusCode.NotFound);
        refused.StripeError.Param.ShouldBe("line_items[0][price]");
    }

    [Fact]
    public async Task A_portal_session_links_to_a_page_that_returns_to_the_return_url()
    {
        var customer = await client.V1.Customers.CreateAsync(new CustomerCreateOptions { Email = "ada@example.test" });

        var portal = await client.V1.BillingPortal.Sessions.CreateAsync(new global::Stripe.BillingPortal.SessionCreateOptions
        {
            Customer = customer.Id,
            ReturnUrl = "https://keel.test/settings",
        });

        portal.Id.ShouldStartWith("bps_");
        portal.Object.ShouldBe("billing_portal.session");
        portal.Customer.ShouldBe(customer.Id);
        using var http = new HttpClient();
        (await http.GetStringAsync(portal.Url)).ShouldContain("href=\"https://keel.test/settings\"");
    }

    [Fact]
    public async Task Paying_on_the_hosted_checkout_page_redirects_to_the_success_url_with_the_session_id()
    {
        var session = await client.V1.Checkout.Sessions.CreateAsync(TrialCheckout(email: null));
        using var http = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false });

        (await http.GetStringAsync(session.Url)).ShouldContain("name=\"email\"");
        using var paid = await http.PostAsync(session.Url, new FormUrlEncodedContent([new("email", "bob@example.test")]));

        paid.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        paid.Headers.Location!.ToString().ShouldBe($"https://keel.test/billing/done?session={session.Id}");
        var completed = await client.V1.Checkout.Sessions.GetAsync(session.Id);
        completed.Status.ShouldBe("complete");
        completed.CustomerDetails.Email.ShouldBe("bob@example.test");
    }

    SessionCreateOptions TrialCheckout(string? email) => new()
    {
        Mode = "subscription",
        CustomerEmail = email,
        ClientReferenceId = "acc_1",
        LineItems = [new SessionLineItemOptions { Price = monthly, Quantity = 1 }],
        SubscriptionData = new SessionSubscriptionDataOptions
        {
            TrialPeriodDays = 14,
            Metadata = new() { ["account_id"] = "acc_1" },
        },
        Metadata = new() { ["account_id"] = "acc_1" },
        AllowPromotionCodes = true,
        SuccessUrl = "https://keel.test/billing/done?session={CHECKOUT_SESSION_ID}",
        CancelUrl = "https://keel.test/billing",
    };
}
