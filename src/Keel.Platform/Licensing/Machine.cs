using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Keel.Platform.Licensing;

/// <summary>A device a license is activated on, identified by the fingerprint its client computes.</summary>
public sealed class Machine
{
    public Guid Id { get; init; }
    public Guid LicenseId { get; init; }
    public required string Fingerprint { get; init; }
    public string? Name { get; set; }
    public DateTimeOffset ActivatedAt { get; init; }
    /// <summary>Last validation or heartbeat: the dashboard's "last seen", and how dead machines free their seat.</summary>
    public DateTimeOffset LastSeenAt { get; set; }
}

internal sealed class MachineConfiguration : IEntityTypeConfiguration<Machine>
{
    public const int MaxFingerprint = 256;

    public void Configure(EntityTypeBuilder<Machine> b)
    {
        b.ToTable("machines");
        b.HasIndex(m => new { m.LicenseId, m.Fingerprint }).IsUnique();
        b.Property(m => m.Fingerprint).HasMaxLength(MaxFingerprint);
        b.Property(m => m.Name).HasMaxLength(200);
        b.HasOne<License>().WithMany().HasForeignKey(m => m.LicenseId).OnDelete(DeleteBehavior.Cascade);
    }
}
