using Keel.Platform.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Stripe;

namespace Keel.Platform.Billing;

/// <summary>
/// Credits both sides of a referral when the referred subscription makes its first real payment (seed 000: EUR 9
/// each, as a Stripe customer balance credit that the next invoice uses). Exactly once: the credit row's unique
/// referred account stops a second credit, and the Stripe calls carry idempotency keys, so an event retried after
/// a failure between the two calls credits nobody twice.
/// </summary>
internal sealed class Referrals(KeelDbContext db, StripeClient stripe, ReferralCodes codes, TimeProvider time, IOptions<KeelOptions> options)
{
    public async Task CreditAsync(Subscription subscription, Guid referredAccountId, CancellationToken ct)
    {
        if (await codes.OwnerAsync(subscription.ReferralCode, ct) is not { } referrer || referrer.Id == referredAccountId) return;
        if (await db.ReferralCredits.AnyAsync(r => r.ReferredAccountId == referredAccountId, ct)) return;
        if (subscription.StripeCustomerId is not { } referredCustomer) return;

        var amount = options.Value.Billing.ReferralCreditAmount;
        var currency = options.Value.Billing.ReferralCreditCurrency;
        var referrerCustomer = await CustomerOfAsync(referrer.Id, referrer.Email, ct);
        var balances = new CustomerBalanceTransactionService(stripe);
        foreach (var (customer, side) in new[] { (referredCustomer, "referred"), (referrerCustomer, "referrer") })
        {
            await balances.CreateAsync(customer, new CustomerBalanceTransactionCreateOptions
            {
                Amount = -amount,
                Currency = currency,
                Description = side == "referrer" ? "Referral credit: a friend you invited subscribed" : "Referral credit: welcome gift",
                Metadata = new Dictionary<string, string> { ["referred_account_id"] = referredAccountId.ToString(), ["side"] = side },
            }, new RequestOptions { IdempotencyKey = $"keel-referral-{referredAccountId}-{side}" }, ct);
        }
        db.ReferralCredits.Add(new ReferralCredit
        {
            Id = Ids.New(time),
            ReferrerAccountId = referrer.Id,
            ReferredAccountId = referredAccountId,
            StripeSubscriptionId = subscription.StripeSubscriptionId!,
            Amount = amount,
            Currency = currency,
            CreatedAt = time.GetUtcNow(),
        });
    }

    private async Task<string> CustomerOfAsync(Guid accountId, string email, CancellationToken ct)
    {
        var owner = Subscription.AccountOwner(accountId);
        if (await db.BillingCustomers.Where(c => c.Owner == owner).Select(c => c.StripeCustomerId).FirstOrDefaultAsync(ct) is { } existing) return existing;
        var customer = await stripe.V1.Customers.CreateAsync(new CustomerCreateOptions
        {
            Email = email,
            Metadata = new Dictionary<string, string> { ["owner"] = owner },
        }, new RequestOptions { IdempotencyKey = $"keel-customer-{owner}" }, ct);
        db.BillingCustomers.Add(new BillingCustomer { Owner = owner, StripeCustomerId = customer.Id, CreatedAt = time.GetUtcNow() });
        return customer.Id;
    }
}
