using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Keel.Platform.Data;
using Keel.Platform.Accounts;

namespace Keel.Platform.Organizations;

public sealed class Membership
{
    public Guid OrganizationId { get; init; }
    public Guid AccountId { get; init; }
    public OrganizationRole Role { get; set; }
    public DateTimeOffset JoinedAt { get; init; }
}

/// <summary>Ordered by power: a higher value may do everything a lower one may.</summary>
public enum OrganizationRole
{
    Member = 0,
    Admin = 1,
    Owner = 2,
}

internal sealed class MembershipConfiguration : IEntityTypeConfiguration<Membership>
{
    public void Configure(EntityTypeBuilder<Membership> b)
    {
        b.ToTable("memberships");
        b.HasKey(m => new { m.OrganizationId, m.AccountId });
        b.HasIndex(m => m.AccountId);
        b.Property(m => m.Role).HasConversion<string>().HasMaxLength(16);
        b.HasOne<Organization>().WithMany().HasForeignKey(m => m.OrganizationId).OnDelete(DeleteBehavior.Cascade);
        b.HasOne<Account>().WithMany().HasForeignKey(m => m.AccountId).OnDelete(DeleteBehavior.Cascade);
    }
}
