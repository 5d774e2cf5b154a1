using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Keel.FixCi.Data;

/// <summary>A failed workflow run waiting to be analysed, stored with the webhook body that announced it, so the
/// work survives a restart and is retried when GitHub is briefly unreachable.</summary>
internal sealed class AnalysisJob
{
    public Guid Id { get; init; }
    public required string DeliveryId { get; init; }
    public long InstallationId { get; init; }
    public required string Repository { get; init; }
    public long RunId { get; init; }
    public int RunAttempt { get; init; }
    public required string Payload { get; init; }
    public AnalysisJobStatus Status { get; set; }
    public int Attempts { get; set; }
    public DateTimeOffset NextAttemptAt { get; set; }
    public DateTimeOffset? LockedUntil { get; set; }
    public string? LastError { get; set; }
    /// <summary>What happened: analysed (with the number of jobs), or the plan's limit was reached.</summary>
    public string? Outcome { get; set; }
    public DateTimeOffset CreatedAt { get; init; }
    public DateTimeOffset? CompletedAt { get; set; }
}

internal enum AnalysisJobStatus
{
    Pending,
    Done,
    Failed,
}

internal sealed class AnalysisJobConfiguration : IEntityTypeConfiguration<AnalysisJob>
{
    public void Configure(EntityTypeBuilder<AnalysisJob> b)
    {
        b.ToTable("fixci_analysis_jobs");
        b.Property(j => j.DeliveryId).HasMaxLength(64);
        b.Property(j => j.Repository).HasMaxLength(200);
        b.Property(j => j.Status).HasConversion<string>().HasMaxLength(16);
        b.Property(j => j.LastError).HasMaxLength(1000);
        b.Property(j => j.Outcome).HasMaxLength(200);
        b.HasIndex(j => new { j.Status, j.NextAttemptAt });
        b.HasIndex(j => new { j.Repository, j.RunId, j.RunAttempt });
    }
}
