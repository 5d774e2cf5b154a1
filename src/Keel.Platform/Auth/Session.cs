using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Keel.Platform.Data;
using Keel.Platform.Accounts;

namespace Keel.Platform.Auth;

/// <summary>A browser sign-in. The cookie carries a random token; only its SHA-256 is stored.</summary>
public sealed class Session
{
    public Guid Id { get; init; }
    public Guid AccountId { get; init; }
    public required byte[] TokenHash { get; init; }
    public DateTimeOffset CreatedAt { get; init; }
    public DateTimeOffset ExpiresAt { get; set; }
    public DateTimeOffset? RevokedAt { get; set; }
    public string? UserAgent { get; init; }
}

internal sealed class SessionConfiguration : IEntityTypeConfiguration<Session>
{
    public void Configure(EntityTypeBuilder<Session> b)
    {
        b.ToTable("sessions");
        b.HasIndex(s => s.TokenHash).IsUnique();
        b.HasIndex(s => s.AccountId);
        b.Property(s => s.UserAgent).HasMaxLength(300);
        b.HasOne<Account>().WithMany().HasForeignKey(s => s.AccountId).OnDelete(DeleteBehavior.Cascade);
    }
}
