using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Keel.Platform.Data;

namespace Keel.Platform.Organizations;

/// <summary>An emailed invitation to join an organization; only the SHA-256 of its token is stored.</summary>
public sealed class Invitation
{
    public Guid Id { get; init; }
    public Guid OrganizationId { get; init; }
    public required string Email { get; init; }
    public required string NormalizedEmail { get; init; }
    public OrganizationRole Role { get; init; }
    public required byte[] TokenHash { get; init; }
    public Guid InvitedBy { get; init; }
    public DateTimeOffset CreatedAt { get; init; }
    public DateTimeOffset ExpiresAt { get; init; }
    public DateTimeOffset? AcceptedAt { get; set; }
    public DateTimeOffset? RevokedAt { get; set; }
}

internal sealed class InvitationConfiguration : IEntityTypeConfiguration<Invitation>
{
    public void Configure(EntityTypeBuilder<Invitation> b)
    {
        b.ToTable("invitations");
        b.HasIndex(i => i.TokenHash).IsUnique();
        b.HasIndex(i => i.OrganizationId);
        b.Property(i => i.Email).HasMaxLength(Limits.Email);
        b.Property(i => i.NormalizedEmail).HasMaxLength(Limits.Email);
        b.Property(i => i.Role).HasConversion<string>().HasMaxLength(16);
        b.HasOne<Organization>().WithMany().HasForeignKey(i => i.OrganizationId).OnDelete(DeleteBehavior.Cascade);
    }
}
