namespace Keel.FixCi.Analysis;

/// <summary>The outcome of analysing a failed CI log: the most relevant blocks, best first.</summary>
/// <param name="Blocks">Ranked blocks of the failed log, best first; empty when nothing stood out.</param>
/// <param name="LineCount">Number of lines read from the failed log.</param>
/// <param name="UsedPassLog">Whether lines shared with a passing log were suppressed.</param>
public sealed record AnalysisResult(IReadOnlyList<LogBlock> Blocks, int LineCount, bool UsedPassLog);
