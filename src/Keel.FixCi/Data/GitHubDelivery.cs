using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Keel.FixCi.Data;

/// <summary>A webhook delivery seen once. GitHub reuses the <c>X-GitHub-Delivery</c> id when it redelivers, so
/// the primary key turns every redelivery into a no-op.</summary>
internal sealed class GitHubDelivery
{
    public required string Id { get; init; }
    public required string Event { get; init; }
    public DateTimeOffset ReceivedAt { get; init; }
}

internal sealed class GitHubDeliveryConfiguration : IEntityTypeConfiguration<GitHubDelivery>
{
    public void Configure(EntityTypeBuilder<GitHubDelivery> b)
    {
        b.ToTable("fixci_deliveries");
        b.Property(d => d.Id).HasMaxLength(64);
        b.Property(d => d.Event).HasMaxLength(64);
    }
}
