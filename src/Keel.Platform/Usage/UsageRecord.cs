using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Keel.Platform.Usage;

/// <summary>One metered use of a feature (an upload, an analysis...). The idempotency key makes a retried report count once.</summary>
public sealed class UsageRecord
{
    public Guid Id { get; init; }
    public required string Owner { get; init; }
    public required string Product { get; init; }
    public required string Feature { get; init; }
    public long Quantity { get; init; }
    public required string IdempotencyKey { get; init; }
    public DateTimeOffset OccurredAt { get; init; }
}

/// <summary>Remembers that the 80% warning for one feature and period went out, so it goes out once.</summary>
public sealed class UsageAlert
{
    public required string Owner { get; init; }
    public required string Product { get; init; }
    public required string Feature { get; init; }
    public DateOnly PeriodStart { get; init; }
    public DateTimeOffset SentAt { get; init; }
}

internal sealed class UsageRecordConfiguration : IEntityTypeConfiguration<UsageRecord>
{
    public void Configure(EntityTypeBuilder<UsageRecord> b)
    {
        b.ToTable("usage_records");
        b.Property(u => u.Owner).HasMaxLength(64);
        b.Property(u => u.Product).HasMaxLength(32);
        b.Property(u => u.Feature).HasMaxLength(64);
        b.Property(u => u.IdempotencyKey).HasMaxLength(128);
        b.HasIndex(u => new { u.Owner, u.IdempotencyKey }).IsUnique();
        b.HasIndex(u => new { u.Owner, u.Product, u.Feature, u.OccurredAt });
    }
}

internal sealed class UsageAlertConfiguration : IEntityTypeConfiguration<UsageAlert>
{
    public void Configure(EntityTypeBuilder<UsageAlert> b)
    {
        b.ToTable("usage_alerts");
        b.HasKey(a => new { a.Owner, a.Product, a.Feature, a.PeriodStart });
        b.Property(a => a.Owner).HasMaxLength(64);
        b.Property(a => a.Product).HasMaxLength(32);
        b.Property(a => a.Feature).HasMaxLength(64);
    }
}
