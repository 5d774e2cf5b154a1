using Keel.FixCi.Analysis;

namespace Keel.FixCi.Comments;

/// <summary>What FixCI found in one failed job.</summary>
/// <param name="Result">The analysis, or null when the job's log could not be downloaded.</param>
/// <param name="ComparedWith">The branch whose last successful run's log was used for comparison, if any.</param>
internal sealed record JobAnalysis(long JobId, string JobName, string? JobUrl, AnalysisResult? Result, string? ComparedWith);
