using Keel.Platform.Billing;
using Keel.Platform.Data;
using Keel.Platform.Email;
using Keel.Platform.Email.Templates;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Keel.Platform.Usage;

/// <summary>
/// Metered features against plan limits. The limit comes from the owner's live subscription of the product, or the
/// product's free plan when there is none; the period is the calendar month (UTC). Reaching 80% of a limit emails
/// the owner once per period (seed 002); a use that would pass the limit is refused before it is recorded.
/// </summary>
public sealed class Quotas(KeelDbContext db, PlanCatalog plans, TimeProvider time, Mailer mailer, IOptions<KeelOptions> options)
{
    public sealed record Standing(string Feature, long Used, long? Limit)
    {
        public long? Remaining => Limit is { } l and >= 0 ? Math.Max(0, l - Used) : null;
    }

    public sealed record Outcome(bool Allowed, Standing Standing, string? PlanId, bool Duplicate = false);

    public async Task<Plan?> PlanOfAsync(string owner, string product, CancellationToken ct)
    {
        var now = time.GetUtcNow();
        var subscription = await db.Subscriptions.AsNoTracking().FirstOrDefaultAsync(s => s.Owner == owner && s.Product == product, ct);
        var live = subscription is not null && (subscription.Status is SubscriptionStatus.Trialing or SubscriptionStatus.Active or SubscriptionStatus.PastDue
            || (subscription.Status == SubscriptionStatus.Canceled && subscription.AccessEndsAt > now))
            && (subscription.Source != SubscriptionSource.Grant || subscription.AccessEndsAt is null || subscription.AccessEndsAt > now);
        return (live ? plans.Find(subscription!.PlanId) : null)
            ?? plans.ForProduct(product).FirstOrDefault(p => p.Price == 0 && !p.TrialWithoutCard);
    }

    public async Task<Standing> StandingAsync(string owner, string product, string feature, CancellationToken ct)
    {
        var plan = await PlanOfAsync(owner, product, ct);
        var used = await UsedAsync(owner, product, feature, ct);
        return new Standing(feature, used, plan?.Limit(feature) is { } limit && limit >= 0 ? limit : plan?.Limit(feature) is null ? 0 : null);
    }

    /// <summary>Records a use if the plan allows it. Retrying with the same idempotency key changes nothing.</summary>
    public async Task<Outcome> UseAsync(string owner, string product, string feature, long quantity, string idempotencyKey, CancellationToken ct)
    {
        var plan = await PlanOfAsync(owner, product, ct);
        var limit = plan?.Limit(feature) is { } l ? (l < 0 ? (long?)null : l) : 0;
        if (await db.UsageRecords.AnyAsync(u => u.Owner == owner && u.IdempotencyKey == idempotencyKey, ct))
            return new Outcome(true, new Standing(feature, await UsedAsync(owner, product, feature, ct), limit), plan?.Id, Duplicate: true);

        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        var used = await UsedAsync(owner, product, feature, ct);
        if (limit is { } max && used + quantity > max) return new Outcome(false, new Standing(feature, used, limit), plan?.Id);

        db.UsageRecords.Add(new UsageRecord
        {
            Id = Ids.New(time), Owner = owner, Product = product, Feature = feature, Quantity = quantity,
            IdempotencyKey = idempotencyKey, OccurredAt = time.GetUtcNow(),
        });
        var after = used + quantity;
        if (limit is { } cap && cap > 0 && after * 5 >= cap * 4 && used * 5 < cap * 4) await WarnAsync(owner, product, feature, after, cap, ct);
        await db.SaveChangesAsync(ct);
        await transaction.CommitAsync(ct);
        return new Outcome(true, new Standing(feature, after, limit), plan?.Id);
    }

    private async Task<long> UsedAsync(string owner, string product, string feature, CancellationToken ct)
    {
        var start = PeriodStart();
        var since = new DateTimeOffset(start.ToDateTime(TimeOnly.MinValue), TimeSpan.Zero);
        return await db.UsageRecords.Where(u => u.Owner == owner && u.Product == product && u.Feature == feature && u.OccurredAt >= since)
            .SumAsync(u => (long?)u.Quantity, ct) ?? 0;
    }

    private DateOnly PeriodStart()
    {
        var today = DateOnly.FromDateTime(time.GetUtcNow().UtcDateTime);
        return new DateOnly(today.Year, today.Month, 1);
    }

    private async Task WarnAsync(string owner, string product, string feature, long used, long limit, CancellationToken ct)
    {
        var period = PeriodStart();
        if (await db.UsageAlerts.AnyAsync(a => a.Owner == owner && a.Product == product && a.Feature == feature && a.PeriodStart == period, ct)) return;
        db.UsageAlerts.Add(new UsageAlert { Owner = owner, Product = product, Feature = feature, PeriodStart = period, SentAt = time.GetUtcNow() });
        var content = UsageEmail.Warning(product, feature, used, limit, options.Value.PublicUrl);
        foreach (var to in await OwnerEmails.ForAsync(db, owner, ct)) mailer.Queue(to, content);
    }
}
