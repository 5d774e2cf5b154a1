using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Keel.Platform.Data;

namespace Keel.Platform.Waitlist;

public sealed class WaitlistEntry
{
    public Guid Id { get; init; }
    public required string Email { get; init; }
    public required string NormalizedEmail { get; init; }
    public required string Product { get; init; }
    public DateTimeOffset CreatedAt { get; init; }
}

internal sealed class WaitlistEntryConfiguration : IEntityTypeConfiguration<WaitlistEntry>
{
    public void Configure(EntityTypeBuilder<WaitlistEntry> b)
    {
        b.ToTable("waitlist");
        b.Property(w => w.Email).HasMaxLength(Limits.Email);
        b.Property(w => w.NormalizedEmail).HasMaxLength(Limits.Email);
        b.Property(w => w.Product).HasMaxLength(32);
        b.HasIndex(w => new { w.Product, w.NormalizedEmail }).IsUnique();
    }
}
