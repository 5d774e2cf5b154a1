using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Keel.Platform.Data;

namespace Keel.Platform.Email;

/// <summary>An email waiting to be delivered, or delivered. Written in the same transaction as the change that
/// caused it, so a crash never loses a message or sends one for a change that did not happen.</summary>
public sealed class OutboxMessage
{
    public Guid Id { get; init; }
    public required string To { get; init; }
    public required string Subject { get; init; }
    /// <summary>Sealed with <see cref="Data.SecretBox"/>.</summary>
    public required string TextBody { get; init; }
    /// <summary>Sealed with <see cref="Data.SecretBox"/>.</summary>
    public required string HtmlBody { get; init; }
    /// <summary>Template name, for the admin view and tests (magic-link, invitation, welcome...).</summary>
    public required string Kind { get; init; }
    public DateTimeOffset CreatedAt { get; init; }
    public OutboxStatus Status { get; set; }
    public int Attempts { get; set; }
    public DateTimeOffset NextAttemptAt { get; set; }
    /// <summary>Set while one sender instance is delivering it, so instances do not send the same message twice.</summary>
    public DateTimeOffset? LockedUntil { get; set; }
    public DateTimeOffset? SentAt { get; set; }
    public string? LastError { get; set; }
}

public enum OutboxStatus
{
    Queued = 0,
    Sent = 1,
    /// <summary>The server refused it permanently (5xx); retrying would not help.</summary>
    Failed = 2,
}

internal sealed class OutboxMessageConfiguration : IEntityTypeConfiguration<OutboxMessage>
{
    public void Configure(EntityTypeBuilder<OutboxMessage> b)
    {
        b.ToTable("outbox_messages");
        b.Property(m => m.To).HasMaxLength(Limits.Email);
        b.Property(m => m.Subject).HasMaxLength(300);
        b.Property(m => m.Kind).HasMaxLength(50);
        b.Property(m => m.Status).HasConversion<string>().HasMaxLength(16);
        b.Property(m => m.LastError).HasMaxLength(1000);
        b.HasIndex(m => new { m.Status, m.NextAttemptAt });
    }
}
