using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Keel.Platform.Data;
using Keel.Platform.Accounts;

namespace Keel.Platform.ApiKeys;

/// <summary>A long-lived credential for scripts and desktop clients, acting as its account.</summary>
public sealed class ApiKey
{
    public Guid Id { get; init; }
    public Guid AccountId { get; init; }
    public required string Name { get; set; }
    /// <summary>The first characters of the secret, shown in lists so a user can recognise the key.</summary>
    public required string Prefix { get; set; }
    public required byte[] SecretHash { get; set; }
    public DateTimeOffset CreatedAt { get; init; }
    public DateTimeOffset? LastUsedAt { get; set; }
    public DateTimeOffset? RevokedAt { get; set; }
}

internal sealed class ApiKeyConfiguration : IEntityTypeConfiguration<ApiKey>
{
    public void Configure(EntityTypeBuilder<ApiKey> b)
    {
        b.ToTable("api_keys");
        b.HasIndex(k => k.SecretHash).IsUnique();
        b.HasIndex(k => k.AccountId);
        b.Property(k => k.Name).HasMaxLength(Limits.Name);
        b.Property(k => k.Prefix).HasMaxLength(32);
        b.HasOne<Account>().WithMany().HasForeignKey(k => k.AccountId).OnDelete(DeleteBehavior.Cascade);
    }
}
