using System.Net;
using Keel.Platform.Billing;
using Keel.Testing;
using Microsoft.EntityFrameworkCore;

namespace Keel.Platform.Tests.Billing;

public sealed class ReferralTests : IAsyncLifetime
{
    private StripeBilling _billing = null!;

    public async Task InitializeAsync() => _billing = await StripeBilling.StartAsync();

    public async Task DisposeAsync() => await _billing.DisposeAsync();

    [Fact]
    public async Task The_first_real_payment_of_a_referred_subscription_credits_both_sides_once()
    {
        var (referrer, referrerId, _) = await _billing.Server.SignUpAsync("referrer");
        var code = (await (await referrer.GetAsync("/api/v1/referrals")).JsonAsync())["referralCode"]!.GetValue<string>();
        code.ShouldMatch("^[0-9A-Z]{8}$");

        var (friend, friendId, _) = await _billing.Server.SignUpAsync("friend");
        var checkout = await (await friend.PostJsonAsync("/api/v1/billing/checkout", new { planId = "gigzilla-pro-monthly", referralCode = code.ToLowerInvariant() })).JsonAsync();
        var completed = _billing.Stripe.CompleteCheckout(checkout["sessionId"]!.GetValue<string>());
        foreach (var e in completed.Events) await _billing.DeliverAsync(e);

        // The trial's zero invoice earns nothing.
        (await _billing.WithDbAsync(db => db.ReferralCredits.CountAsync())).ShouldBe(0);
        var stats = await (await referrer.GetAsync("/api/v1/referrals")).JsonAsync();
        stats["pendingReferrals"]!.GetValue<int>().ShouldBe(1);

        var paid = _billing.Stripe.AdvanceSubscription(completed.Object["subscription"]!.GetValue<string>(), "active");
        foreach (var e in paid.Events) await _billing.DeliverAsync(e);
        await _billing.DeliverAsync(paid.Event("invoice.paid"));

        var credit = await _billing.WithDbAsync(db => db.ReferralCredits.SingleAsync());
        credit.ReferrerAccountId.ShouldBe(referrerId);
        credit.ReferredAccountId.ShouldBe(friendId);
        var credits = _billing.Stripe.BalanceTransactions.Where(t => t["amount"]!.GetValue<long>() == -900).ToList();
        credits.Count.ShouldBe(2);
        credits.Select(t => t["customer"]!.GetValue<string>()).Distinct().Count().ShouldBe(2);

        stats = await (await referrer.GetAsync("/api/v1/referrals")).JsonAsync();
        stats["totalReferrals"]!.GetValue<int>().ShouldBe(1);
        stats["pendingReferrals"]!.GetValue<int>().ShouldBe(0);
        stats["creditsEarned"]!.GetValue<long>().ShouldBe(900);
        stats["referralLink"]!.GetValue<string>().ShouldEndWith($"/gigzilla?ref={code}");
    }

    [Fact]
    public async Task Unknown_and_own_referral_codes_are_refused_at_checkout()
    {
        var (client, _, _) = await _billing.Server.SignUpAsync();
        var own = (await (await client.GetAsync("/api/v1/referrals")).JsonAsync())["referralCode"]!.GetValue<string>();
        (await (await client.PostJsonAsync("/api/v1/billing/checkout", new { planId = "gigzilla-pro-monthly", referralCode = "ZZZZZZZZ" }))
            .ProblemAsync(HttpStatusCode.BadRequest))["errors"]!["referralCode"].ShouldNotBeNull();
        (await (await client.PostJsonAsync("/api/v1/billing/checkout", new { planId = "gigzilla-pro-monthly", referralCode = own }))
            .ProblemAsync(HttpStatusCode.BadRequest))["errors"]!["referralCode"].ShouldNotBeNull();
    }

    [Fact]
    public async Task Gigzillas_referral_stats_need_the_license_key()
    {
        var client = _billing.Server.CreateClient();
        var email = KeelApi.NewEmail();
        var key = (await (await client.PostJsonAsync("/gigzilla/api/start-trial", new { email, machineId = "m" })).JsonAsync())["licenseKey"]!.GetValue<string>();
        (await client.PostJsonAsync("/gigzilla/referral-stats", new { email })).StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
        var stats = await (await client.PostJsonAsync("/gigzilla/referral-stats", new { email, licenseKey = key })).JsonAsync();
        stats["referralCode"]!.GetValue<string>().ShouldNotContain(email.Split('@')[0]);
        stats["totalReferrals"]!.GetValue<int>().ShouldBe(0);
    }

    [Fact]
    public async Task Admins_see_mrr_per_currency_and_subscription_counts()
    {
        for (var i = 0; i < 2; i++)
        {
            var (_, _, _, completed) = await _billing.SubscribeAsync("gigzilla-pro-monthly");
            foreach (var e in completed.Events) await _billing.DeliverAsync(e);
            foreach (var e in _billing.Stripe.AdvanceSubscription(completed.Object["subscription"]!.GetValue<string>(), "active").Events) await _billing.DeliverAsync(e);
        }
        var (_, _, _, fixci) = await _billing.SubscribeAsync("fixci-pro-monthly");
        foreach (var e in fixci.Events) await _billing.DeliverAsync(e);

        var (admin, _, adminEmail) = await _billing.Server.SignUpAsync("admin");
        await _billing.WithDbAsync(async db =>
        {
            (await db.Accounts.SingleAsync(a => a.NormalizedEmail == adminEmail)).IsAdmin = true;
            return await db.SaveChangesAsync();
        });
        await admin.PostJsonAsync("/api/v1/auth/login", new { email = adminEmail, password = KeelApi.Password });
        var stats = await (await admin.GetAsync("/api/v1/admin/billing")).JsonAsync();
        stats["mrrByCurrency"]!["EUR"]!.GetValue<decimal>().ShouldBe(18m);
        stats["activeSubscriptions"]!.GetValue<int>().ShouldBe(2);
        stats["trialing"]!.GetValue<int>().ShouldBe(1);
    }
}
