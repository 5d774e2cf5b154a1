using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Keel.Platform.Billing;

/// <summary>A referral that paid off: the referred account's first real payment credited both sides, once. The unique
/// referred account is what makes "once" hold when Stripe repeats the payment event.</summary>
public sealed class ReferralCredit
{
    public Guid Id { get; init; }
    public Guid ReferrerAccountId { get; init; }
    public Guid ReferredAccountId { get; init; }
    public required string StripeSubscriptionId { get; init; }
    /// <summary>In minor units (900 = EUR 9.00), credited to each side.</summary>
    public long Amount { get; init; }
    public required string Currency { get; init; }
    public DateTimeOffset CreatedAt { get; init; }
}

internal sealed class ReferralCreditConfiguration : IEntityTypeConfiguration<ReferralCredit>
{
    public void Configure(EntityTypeBuilder<ReferralCredit> b)
    {
        b.ToTable("referral_credits");
        b.HasIndex(r => r.ReferredAccountId).IsUnique();
        b.HasIndex(r => r.ReferrerAccountId);
        b.Property(r => r.StripeSubscriptionId).HasMaxLength(64);
        b.Property(r => r.Currency).HasMaxLength(3);
    }
}
