using System.Net;
using System.Text.RegularExpressions;
using Keel.Platform.Billing;
using Keel.Platform.Data;
using Keel.Testing;
using Keel.Testing.Stripe;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Keel.Web.Tests;

/// <summary>A server with Stripe configured (a Stripe-compatible server): the billing page's Checkout and portal,
/// the referral carried into Checkout, and the admin's retry of a failed webhook event.</summary>
public partial class StripeBillingPageTests : IAsyncLifetime
{
    private FakeStripe stripe = null!;
    private KeelTestServer server = null!;

    public async Task InitializeAsync()
    {
        stripe = await FakeStripe.StartAsync();
        stripe.AddPrice("gigzilla_pro_monthly", 900, "eur", "month");
        server = await KeelTestServer.StartAsync(o =>
        {
            o.Settings["Keel:Stripe:SecretKey"] = stripe.ApiKey;
            o.Settings["Keel:Stripe:ApiBase"] = stripe.BaseUrl;
            o.Settings["Keel:Stripe:WebhookSecrets:0"] = "whsec_keel_test";
        });
    }

    public async Task DisposeAsync()
    {
        await server.DisposeAsync();
        await stripe.DisposeAsync();
    }

    [Fact]
    public async Task Checkout_from_the_billing_page_carries_the_remembered_referral_and_the_portal_opens_after()
    {
        var (referrer, _, _) = await server.SignUpAsync("referrer");
        var code = (await (await referrer.GetAsync("/api/v1/referrals")).JsonAsync())["referralCode"]!.GetValue<string>();

        var browser = server.CreateClient(new CookieContainer());
        (await browser.GetAsync($"/gigzilla?ref={code}")).StatusCode.ShouldBe(HttpStatusCode.OK);
        (await browser.PostJsonAsync("/api/v1/auth/register", new { email = KeelApi.NewEmail("referred"), password = KeelApi.Password }))
            .StatusCode.ShouldBe(HttpStatusCode.Created);

        var billing = await browser.GetStringAsync("/dashboard/billing?plan=gigzilla-pro-monthly");
        WebUtility.HtmlDecode(billing).ShouldContain($"Code <strong>{code}</strong> is applied at checkout");
        var checkout = await browser.PostAsync("/dashboard/billing", Form(billing, "checkout-gigzilla-pro-monthly"));
        checkout.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        var session = stripe.CheckoutSessions.Single();
        checkout.Headers.Location!.ToString().ShouldBe(session["url"]!.GetValue<string>());
        session["metadata"]!["referral_code"]!.GetValue<string>().ShouldBe(code);
        session["metadata"]!["plan_id"]!.GetValue<string>().ShouldBe("gigzilla-pro-monthly");

        var page = await browser.GetStringAsync("/dashboard/billing");
        var portal = await browser.PostAsync("/dashboard/billing", Form(page, "portal"));
        portal.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        portal.Headers.Location!.ToString().ShouldStartWith(stripe.BaseUrl.TrimEnd('/'));
    }

    [Fact]
    public async Task An_admin_retries_a_failed_webhook_event_and_it_is_applied()
    {
        await using (var scope = server.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<KeelDbContext>();
            db.StripeEvents.Add(new StripeEventRecord
            {
                Id = "evt_failed_once", Type = "customer.created", Payload = "{\"id\":\"evt_failed_once\",\"type\":\"customer.created\",\"data\":{\"object\":{}}}",
                CreatedAt = DateTimeOffset.UtcNow, ReceivedAt = DateTimeOffset.UtcNow, Status = StripeEventStatus.Failed, Attempts = 20,
                NextAttemptAt = DateTimeOffset.UtcNow.AddDays(1), LastError = "Stripe was down",
            });
            await db.SaveChangesAsync();
        }
        var (admin, _, email) = await server.SignUpAsync("admin");
        await server.MakeAdminAsync(email);

        var list = await admin.GetStringAsync("/admin/webhooks?status=failed");
        list.ShouldContain("evt_failed_once");
        list.ShouldContain("Stripe was down");
        list.ShouldContain("aria-label=\"Retry evt_failed_once\"");
        var retried = await admin.PostAsync("/admin/webhooks?status=failed", Form(list, "retry-evt_failed_once"));
        (await retried.Content.ReadAsStringAsync()).ShouldContain("queued to be applied again");

        for (var i = 0; i < 100; i++)
        {
            await using var scope = server.Services.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<KeelDbContext>();
            if (await db.StripeEvents.AnyAsync(e => e.Id == "evt_failed_once" && e.Status == StripeEventStatus.Processed)) return;
            await Task.Delay(100);
        }
        throw new TimeoutException("The retried event was not applied.");
    }

    private static FormUrlEncodedContent Form(string html, string handler) =>
        new([new("_handler", handler), new("__RequestVerificationToken", WebUtility.HtmlDecode(TokenField().Match(html).Groups[1].Value))]);

    [GeneratedRegex("name=\"__RequestVerificationToken\" value=\"([^\"]+)\"")]
    private static partial Regex TokenField();
}
