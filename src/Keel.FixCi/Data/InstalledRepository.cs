using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Keel.FixCi.Data;

/// <summary>A repository an installation covers, keyed by GitHub's repository id (which survives renames), with its
/// FixCI settings.</summary>
internal sealed class InstalledRepository
{
    public long Id { get; init; }
    public long InstallationId { get; set; }
    public required string FullName { get; set; }
    /// <summary>Off: failed runs are not analysed and count nothing.</summary>
    public bool Enabled { get; set; } = true;
    public CommentStyle CommentStyle { get; set; }
    /// <summary>When the installation stopped covering the repository; its settings are kept should it come back.</summary>
    public DateTimeOffset? RemovedAt { get; set; }
    public DateTimeOffset CreatedAt { get; init; }
}

/// <summary>How FixCI's pull request comment looks.</summary>
internal enum CommentStyle
{
    /// <summary>Each failed job's blocks with the relevant lines (collapsed) and suggested fixes.</summary>
    Full,

    /// <summary>One line per failed job: its cause.</summary>
    Compact,
}

internal sealed class InstalledRepositoryConfiguration : IEntityTypeConfiguration<InstalledRepository>
{
    public void Configure(EntityTypeBuilder<InstalledRepository> b)
    {
        b.ToTable("fixci_repositories");
        b.Property(r => r.Id).ValueGeneratedNever();
        b.Property(r => r.FullName).HasMaxLength(200);
        b.Property(r => r.CommentStyle).HasConversion<string>().HasMaxLength(16);
        b.HasIndex(r => r.InstallationId);
        b.HasOne<Installation>().WithMany().HasForeignKey(r => r.InstallationId).OnDelete(DeleteBehavior.Cascade);
    }
}
