using Keel.Platform.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Keel.Platform.Billing;

/// <summary>What a referrer sees: their code and link, friends who paid (and so earned credit), friends still in trial.</summary>
public sealed class ReferralStats(KeelDbContext db, ReferralCodes codes, IOptions<KeelOptions> options)
{
    public sealed record Stats(string ReferralCode, string ReferralLink, int TotalReferrals, int PendingReferrals, long CreditsEarned, string Currency);

    public async Task<Stats> ForAsync(Guid accountId, string product, CancellationToken ct)
    {
        var code = await codes.ForAsync(accountId, ct);
        var credits = await db.ReferralCredits.AsNoTracking().Where(r => r.ReferrerAccountId == accountId).ToListAsync(ct);
        var credited = credits.Select(c => c.StripeSubscriptionId).ToHashSet();
        var referred = await db.Subscriptions.AsNoTracking().Where(s => s.ReferralCode == code).Select(s => s.StripeSubscriptionId).ToListAsync(ct);
        return new Stats(code, $"{options.Value.PublicUrl.TrimEnd('/')}/{product}?ref={code}", credits.Count,
            referred.Count(s => s is not null && !credited.Contains(s)), credits.Sum(c => c.Amount),
            credits.FirstOrDefault()?.Currency ?? options.Value.Billing.ReferralCreditCurrency);
    }
}
