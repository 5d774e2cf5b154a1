using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Keel.Platform.Billing;

/// <summary>A webhook event as Stripe delivered it. Stored before the webhook is answered, processed from here,
/// retried on failure; the event id as primary key makes every redelivery a no-op.</summary>
public sealed class StripeEventRecord
{
    public required string Id { get; init; }
    public required string Type { get; init; }
    public required string Payload { get; init; }
    /// <summary>Stripe's <c>created</c> time of the event.</summary>
    public DateTimeOffset CreatedAt { get; init; }
    public DateTimeOffset ReceivedAt { get; init; }
    public StripeEventStatus Status { get; set; }
    public int Attempts { get; set; }
    public DateTimeOffset NextAttemptAt { get; set; }
    public DateTimeOffset? LockedUntil { get; set; }
    public DateTimeOffset? ProcessedAt { get; set; }
    public string? LastError { get; set; }
}

public enum StripeEventStatus
{
    Pending,
    Processed,
    /// <summary>Gave up after many attempts; an administrator can retry it.</summary>
    Failed,
}

internal sealed class StripeEventRecordConfiguration : IEntityTypeConfiguration<StripeEventRecord>
{
    public void Configure(EntityTypeBuilder<StripeEventRecord> b)
    {
        b.ToTable("stripe_events");
        b.Property(e => e.Id).HasMaxLength(255);
        b.Property(e => e.Type).HasMaxLength(100);
        b.Property(e => e.Status).HasConversion<string>().HasMaxLength(16);
        b.Property(e => e.LastError).HasMaxLength(1000);
        b.HasIndex(e => new { e.Status, e.NextAttemptAt });
    }
}
