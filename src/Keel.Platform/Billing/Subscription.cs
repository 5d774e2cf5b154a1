using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Keel.Platform.Billing;

/// <summary>What an account or organization pays for (or was granted) of one product. Rows that come from Stripe
/// mirror Stripe's current subscription object; Stripe stays the source of truth.</summary>
public sealed class Subscription
{
    public Guid Id { get; init; }
    /// <summary><c>account:{id}</c> or <c>organization:{id}</c>: who the subscription belongs to.</summary>
    public required string Owner { get; init; }
    public required string Product { get; init; }
    public required string PlanId { get; set; }
    public required string Tier { get; set; }
    public SubscriptionStatus Status { get; set; }
    public SubscriptionSource Source { get; set; }
    public string? StripeCustomerId { get; set; }
    public string? StripeSubscriptionId { get; set; }
    public DateTimeOffset? TrialEndsAt { get; set; }
    public DateTimeOffset? CurrentPeriodEnd { get; set; }
    public DateTimeOffset? CanceledAt { get; set; }
    /// <summary>Until when a canceled subscription keeps working (seed 001: 7 days after cancellation).</summary>
    public DateTimeOffset? AccessEndsAt { get; set; }
    public string? ReferralCode { get; set; }
    public DateTimeOffset CreatedAt { get; init; }
    public DateTimeOffset UpdatedAt { get; set; }

    public static string AccountOwner(Guid accountId) => $"account:{accountId}";
    public static string OrganizationOwner(Guid organizationId) => $"organization:{organizationId}";
}

public enum SubscriptionStatus
{
    Trialing,
    Active,
    PastDue,
    Canceled,
    Expired,
}

public enum SubscriptionSource
{
    Stripe,
    Grant,
}

internal sealed class SubscriptionConfiguration : IEntityTypeConfiguration<Subscription>
{
    public void Configure(EntityTypeBuilder<Subscription> b)
    {
        b.ToTable("subscriptions");
        b.HasIndex(s => new { s.Owner, s.Product }).IsUnique();
        b.HasIndex(s => s.StripeSubscriptionId).IsUnique();
        b.Property(s => s.Owner).HasMaxLength(64);
        b.Property(s => s.Product).HasMaxLength(32);
        b.Property(s => s.PlanId).HasMaxLength(64);
        b.Property(s => s.Tier).HasMaxLength(32);
        b.Property(s => s.Status).HasConversion<string>().HasMaxLength(16);
        b.Property(s => s.Source).HasConversion<string>().HasMaxLength(16);
        b.Property(s => s.StripeCustomerId).HasMaxLength(64);
        b.Property(s => s.StripeSubscriptionId).HasMaxLength(64);
        b.Property(s => s.ReferralCode).HasMaxLength(32);
    }
}
