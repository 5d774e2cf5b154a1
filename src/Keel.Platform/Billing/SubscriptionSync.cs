using Keel.Platform.Accounts;
using Keel.Platform.Data;
using Keel.Platform.Email;
using Keel.Platform.Email.Templates;
using Keel.Platform.Licensing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Stripe;

namespace Keel.Platform.Billing;

/// <summary>
/// Makes the local subscription (and, for licensed products, the owner's license) match Stripe's current
/// subscription object. Idempotent: applying it twice, or for events in any order, gives the same rows.
/// </summary>
internal sealed class SubscriptionSync(KeelDbContext db, StripeClient stripe, PlanCatalog plans, TimeProvider time,
    Licenses licenses, Mailer mailer, IOptions<KeelOptions> options)
{
    public async Task<Subscription?> SyncAsync(string stripeSubscriptionId, CancellationToken ct)
    {
        var remote = await stripe.V1.Subscriptions.GetAsync(stripeSubscriptionId, cancellationToken: ct);
        var item = remote.Items?.Data?.FirstOrDefault();
        var plan = plans.ByStripePrice(item?.Price?.LookupKey, item?.Price?.Id)
            ?? (remote.Metadata?.TryGetValue("plan_id", out var planId) == true ? plans.Find(planId) : null)
            ?? throw new InvalidOperationException($"Subscription {remote.Id} uses price {item?.Price?.LookupKey ?? item?.Price?.Id}, which no plan in the catalog names.");
        var owner = OwnerOf(remote) ?? await db.BillingCustomers.Where(c => c.StripeCustomerId == remote.CustomerId).Select(c => c.Owner).FirstOrDefaultAsync(ct)
            ?? throw new InvalidOperationException($"Subscription {remote.Id} carries no account or organization, and its customer is unknown here.");

        var now = time.GetUtcNow();
        var local = await db.Subscriptions.FirstOrDefaultAsync(s => s.StripeSubscriptionId == remote.Id, ct)
            ?? await db.Subscriptions.FirstOrDefaultAsync(s => s.Owner == owner && s.Product == plan.Product, ct);
        if (local is null)
        {
            local = new Subscription { Id = Ids.New(time), Owner = owner, Product = plan.Product, PlanId = plan.Id, Tier = plan.Tier, CreatedAt = now };
            db.Subscriptions.Add(local);
        }
        else if (local.StripeSubscriptionId is { } existing && existing != remote.Id && IsLive(local.Status) && !IsLive(Map(remote.Status)))
        {
            // An older, ended subscription of the same owner must not overwrite the one that replaced it.
            return local;
        }

        local.PlanId = plan.Id;
        local.Tier = plan.Tier;
        local.Source = SubscriptionSource.Stripe;
        local.StripeSubscriptionId = remote.Id;
        local.StripeCustomerId = remote.CustomerId;
        local.Status = Map(remote.Status);
        local.TrialEndsAt = remote.TrialEnd;
        local.CurrentPeriodEnd = item?.CurrentPeriodEnd;
        local.CanceledAt = remote.CanceledAt;
        local.AccessEndsAt = local.Status == SubscriptionStatus.Canceled
            ? (remote.EndedAt ?? remote.CanceledAt ?? now) + TimeSpan.FromDays(options.Value.Billing.GraceDays)
            : null;
        if (remote.Metadata?.TryGetValue("referral_code", out var referral) == true) local.ReferralCode = referral;
        local.UpdatedAt = now;

        if (plan.IsLicensedPerDevice && owner.StartsWith("account:", StringComparison.Ordinal))
            await SyncLicenseAsync(Guid.Parse(owner["account:".Length..]), plan, local, ct);
        await db.SaveChangesAsync(ct);
        return local;
    }

    /// <summary>The owner keeps one license per product: a trial's key goes on working after the upgrade.</summary>
    private async Task SyncLicenseAsync(Guid accountId, Plan plan, Subscription subscription, CancellationToken ct)
    {
        var license = await db.Licenses.FirstOrDefaultAsync(l => l.AccountId == accountId && l.Product == plan.Product, ct);
        if (license is null)
        {
            string key;
            (license, key) = licenses.Create(accountId, plan, LicenseState.Active, null);
            var email = await db.Accounts.Where(a => a.Id == accountId).Select(a => a.Email).SingleAsync(ct);
            mailer.Queue(email, LicenseEmail.Render(plan.Product, key, null, options.Value.PublicUrl));
        }
        var now = time.GetUtcNow();
        var (state, expiresAt) = subscription.Status switch
        {
            SubscriptionStatus.Trialing => (LicenseState.Trial, (DateTimeOffset?)null),
            SubscriptionStatus.Active => (LicenseState.Active, null),
            SubscriptionStatus.PastDue => (LicenseState.PastDue, null),
            SubscriptionStatus.Canceled => (LicenseState.Canceled, subscription.AccessEndsAt),
            _ => (LicenseState.Expired, subscription.AccessEndsAt ?? now),
        };
        license.MoveTo(plan, state, expiresAt, now);
        license.StripeCustomerId = subscription.StripeCustomerId;
        license.StripeSubscriptionId = subscription.StripeSubscriptionId;
    }

    internal static SubscriptionStatus Map(string status) => status switch
    {
        "trialing" => SubscriptionStatus.Trialing,
        "active" => SubscriptionStatus.Active,
        "past_due" or "unpaid" => SubscriptionStatus.PastDue,
        "canceled" => SubscriptionStatus.Canceled,
        _ => SubscriptionStatus.Expired, // incomplete, incomplete_expired, paused: no access
    };

    private static bool IsLive(SubscriptionStatus status) => status is SubscriptionStatus.Trialing or SubscriptionStatus.Active or SubscriptionStatus.PastDue;

    private static string? OwnerOf(Stripe.Subscription remote)
    {
        if (remote.Metadata is null) return null;
        if (remote.Metadata.TryGetValue("organization_id", out var org) && Guid.TryParse(org, out var orgId)) return Subscription.OrganizationOwner(orgId);
        if (remote.Metadata.TryGetValue("account_id", out var account) && Guid.TryParse(account, out var accountId)) return Subscription.AccountOwner(accountId);
        return null;
    }
}
