using Keel.Platform.Organizations;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Keel.FixCi.Data;

/// <summary>
/// An installation of the GitHub App, keyed by GitHub's installation id. Learnt from <c>installation</c> webhooks and
/// from the first failed run of an installation FixCI had not heard of. Once linked to a Keel organization, its
/// analyses count against that organization's plan.
/// </summary>
internal sealed class Installation
{
    public long Id { get; init; }
    /// <summary>The GitHub user or organization the app is installed on; null until a webhook names it.</summary>
    public string? AccountLogin { get; set; }
    /// <summary><c>User</c> or <c>Organization</c>.</summary>
    public string? AccountType { get; set; }
    public Guid? OrganizationId { get; set; }
    public DateTimeOffset? LinkedAt { get; set; }
    public DateTimeOffset? SuspendedAt { get; set; }
    /// <summary>When the app was uninstalled; its repositories stay for the record.</summary>
    public DateTimeOffset? DeletedAt { get; set; }
    public DateTimeOffset CreatedAt { get; init; }

    /// <summary>Whose plan the installation's analyses count against.</summary>
    public string QuotaOwner => OrganizationId is { } organization
        ? Keel.Platform.Billing.Subscription.OrganizationOwner(organization)
        : FixCiOwners.OfInstallation(Id);
}

/// <summary>Whose plan an installation's analyses count against. Until an installation is linked to a Keel
/// organization, it has its own owner key and so the product's free plan.</summary>
internal static class FixCiOwners
{
    public static string OfInstallation(long installationId) => $"github:{installationId}";
}

internal sealed class InstallationConfiguration : IEntityTypeConfiguration<Installation>
{
    public void Configure(EntityTypeBuilder<Installation> b)
    {
        b.ToTable("fixci_installations");
        b.Property(i => i.Id).ValueGeneratedNever();
        b.Property(i => i.AccountLogin).HasMaxLength(100);
        b.Property(i => i.AccountType).HasMaxLength(32);
        b.Ignore(i => i.QuotaOwner);
        b.HasIndex(i => i.OrganizationId);
        b.HasOne<Organization>().WithMany().HasForeignKey(i => i.OrganizationId).OnDelete(DeleteBehavior.SetNull);
    }
}
