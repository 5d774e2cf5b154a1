using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Keel.Platform.Licensing;

/// <summary>An ES256 key that signs offline license tokens. The private half is sealed with the server secret; the
/// public half is published at the JWKS endpoint for as long as tokens it signed may still be valid.</summary>
public sealed class SigningKey
{
    /// <summary>The JWT <c>kid</c>.</summary>
    public required string Id { get; init; }
    public required string PrivateKeySealed { get; init; }
    public DateTimeOffset CreatedAt { get; init; }
    /// <summary>When a newer key took over signing; the key stays published until its last tokens expire.</summary>
    public DateTimeOffset? RetiredAt { get; set; }
}

internal sealed class SigningKeyConfiguration : IEntityTypeConfiguration<SigningKey>
{
    public void Configure(EntityTypeBuilder<SigningKey> b)
    {
        b.ToTable("signing_keys");
        b.Property(k => k.Id).HasMaxLength(64);
    }
}
