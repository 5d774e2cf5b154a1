using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Keel.Platform.Billing;

/// <summary>The Stripe customer of an account or organization, created at its first checkout.</summary>
public sealed class BillingCustomer
{
    public required string Owner { get; init; }
    public required string StripeCustomerId { get; init; }
    public DateTimeOffset CreatedAt { get; init; }
}

internal sealed class BillingCustomerConfiguration : IEntityTypeConfiguration<BillingCustomer>
{
    public void Configure(EntityTypeBuilder<BillingCustomer> b)
    {
        b.ToTable("billing_customers");
        b.HasKey(c => c.Owner);
        b.Property(c => c.Owner).HasMaxLength(64);
        b.Property(c => c.StripeCustomerId).HasMaxLength(64);
        b.HasIndex(c => c.StripeCustomerId).IsUnique();
    }
}
