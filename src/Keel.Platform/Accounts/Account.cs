using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Keel.Platform.Data;

namespace Keel.Platform.Accounts;

/// <summary>A person who signs in. Products and organizations hang off accounts.</summary>
public sealed class Account
{
    public Guid Id { get; init; }
    public required string Email { get; set; }
    /// <summary>Lower-cased, trimmed email; unique.</summary>
    public required string NormalizedEmail { get; set; }
    public string? DisplayName { get; set; }
    /// <summary>Null for accounts that only ever signed in by magic link.</summary>
    public string? PasswordHash { get; set; }
    public bool IsAdmin { get; set; }
    public DateTimeOffset CreatedAt { get; init; }
    public DateTimeOffset? EmailVerifiedAt { get; set; }
    public DateTimeOffset? LastSignInAt { get; set; }
    /// <summary>Random, assigned on first use; what <c>?ref=</c> links carry.</summary>
    public string? ReferralCode { get; set; }
}

internal sealed class AccountConfiguration : IEntityTypeConfiguration<Account>
{
    public void Configure(EntityTypeBuilder<Account> b)
    {
        b.ToTable("accounts");
        b.Property(a => a.Email).HasMaxLength(Limits.Email);
        b.Property(a => a.NormalizedEmail).HasMaxLength(Limits.Email);
        b.HasIndex(a => a.NormalizedEmail).IsUnique();
        b.Property(a => a.DisplayName).HasMaxLength(Limits.Name);
        b.Property(a => a.PasswordHash).HasMaxLength(200);
        b.HasIndex(a => a.CreatedAt);
        b.Property(a => a.ReferralCode).HasMaxLength(16);
        b.HasIndex(a => a.ReferralCode).IsUnique();
    }
}
