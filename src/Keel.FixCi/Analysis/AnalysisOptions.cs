namespace Keel.FixCi.Analysis;

/// <summary>Tunes how much <see cref="LogAnalyzer"/> reports.</summary>
public sealed record AnalysisOptions
{
    public static AnalysisOptions Default { get; } = new();

    /// <summary>Most blocks to report. Weak blocks are dropped when a much stronger one exists.</summary>
    public int MaxBlocks { get; init; } = 3;

    /// <summary>Most lines kept as text per block; the rest of a long block is reported by range only.</summary>
    public int MaxLinesPerBlock { get; init; } = 40;
}
