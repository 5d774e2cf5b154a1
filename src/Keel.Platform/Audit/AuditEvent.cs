using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Keel.Platform.Data;

namespace Keel.Platform.Audit;

/// <summary>A security-relevant action: who did what to what, and from where.</summary>
public sealed class AuditEvent
{
    public Guid Id { get; init; }
    public DateTimeOffset OccurredAt { get; init; }
    public Guid? ActorId { get; init; }
    public Guid? OrganizationId { get; init; }
    public required string Action { get; init; }
    public string? Target { get; init; }
    public string? IpAddress { get; init; }
}

internal sealed class AuditEventConfiguration : IEntityTypeConfiguration<AuditEvent>
{
    public void Configure(EntityTypeBuilder<AuditEvent> b)
    {
        b.ToTable("audit_events");
        b.Property(e => e.Action).HasMaxLength(64);
        b.Property(e => e.Target).HasMaxLength(300);
        b.Property(e => e.IpAddress).HasMaxLength(64);
        b.HasIndex(e => new { e.OrganizationId, e.OccurredAt });
        b.HasIndex(e => new { e.ActorId, e.OccurredAt });
    }
}
