using Keel.Platform.Accounts;
using Keel.Platform.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Keel.Platform.Licensing;

/// <summary>
/// The right of one account to run a product on a number of machines. Only the key's SHA-256 is stored; the key
/// itself is shown once, when the license is created.
/// </summary>
public sealed class License
{
    public Guid Id { get; init; }
    public Guid AccountId { get; init; }
    public required string Product { get; init; }
    public required string PlanId { get; set; }
    public required string Tier { get; set; }
    public required byte[] KeyHash { get; init; }
    /// <summary>The key's last characters, so a person can tell their licenses apart.</summary>
    public required string KeyHint { get; init; }
    public LicenseState State { get; set; }
    public int MaxMachines { get; set; }
    /// <summary>When access ends: the end of a trial, or of the grace period after a cancellation. Null while paid.</summary>
    public DateTimeOffset? ExpiresAt { get; set; }
    /// <summary>Set by an administrator; a suspended license does not validate whatever its state.</summary>
    public DateTimeOffset? SuspendedAt { get; set; }
    public string? StripeCustomerId { get; set; }
    public string? StripeSubscriptionId { get; set; }
    public DateTimeOffset CreatedAt { get; init; }
    public DateTimeOffset UpdatedAt { get; set; }

    /// <summary>Puts the license on a plan (an upgrade, a grant, a subscription change); the key stays the same.</summary>
    public void MoveTo(Billing.Plan plan, LicenseState state, DateTimeOffset? expiresAt, DateTimeOffset now)
    {
        PlanId = plan.Id;
        Tier = plan.Tier;
        MaxMachines = plan.MaxDevices;
        State = state;
        ExpiresAt = expiresAt;
        UpdatedAt = now;
    }
}

/// <summary>Where the license stands in its subscription's life.</summary>
public enum LicenseState
{
    Trial,
    Active,
    PastDue,
    Canceled,
    Expired,
}

internal sealed class LicenseConfiguration : IEntityTypeConfiguration<License>
{
    public void Configure(EntityTypeBuilder<License> b)
    {
        b.ToTable("licenses");
        b.HasIndex(l => l.KeyHash).IsUnique();
        b.HasIndex(l => new { l.AccountId, l.Product });
        b.HasIndex(l => l.StripeSubscriptionId);
        b.Property(l => l.Product).HasMaxLength(32);
        b.Property(l => l.PlanId).HasMaxLength(64);
        b.Property(l => l.Tier).HasMaxLength(32);
        b.Property(l => l.KeyHint).HasMaxLength(16);
        b.Property(l => l.State).HasConversion<string>().HasMaxLength(16);
        b.Property(l => l.StripeCustomerId).HasMaxLength(64);
        b.Property(l => l.StripeSubscriptionId).HasMaxLength(64);
        b.HasOne<Account>().WithMany().HasForeignKey(l => l.AccountId).OnDelete(DeleteBehavior.Cascade);
    }
}
