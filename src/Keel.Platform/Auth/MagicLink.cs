using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Keel.Platform.Data;

namespace Keel.Platform.Auth;

/// <summary>A single-use sign-in link sent by email; only the SHA-256 of its token is stored.</summary>
public sealed class MagicLink
{
    public Guid Id { get; init; }
    public required string NormalizedEmail { get; init; }
    public required byte[] TokenHash { get; init; }
    public DateTimeOffset CreatedAt { get; init; }
    public DateTimeOffset ExpiresAt { get; init; }
    public DateTimeOffset? UsedAt { get; set; }
}

internal sealed class MagicLinkConfiguration : IEntityTypeConfiguration<MagicLink>
{
    public void Configure(EntityTypeBuilder<MagicLink> b)
    {
        b.ToTable("magic_links");
        b.HasIndex(m => m.TokenHash).IsUnique();
        b.Property(m => m.NormalizedEmail).HasMaxLength(Limits.Email);
    }
}
