using Keel.FixCi.Comments;

namespace Keel.FixCi.Runs;

/// <summary>What <see cref="AnalyzeFailedRun"/> did for one failed workflow run.</summary>
/// <param name="Jobs">Each failed job of the run's attempt with what was found in it.</param>
/// <param name="Comments">
/// FixCI's comment on each pull request of the run. Empty when the run belongs to no open pull request (a push):
/// then nothing was posted.
/// </param>
internal sealed record FailedRunReport(IReadOnlyList<JobAnalysis> Jobs, IReadOnlyList<PostedComment> Comments)
{
    public int JobsAnalyzed => Jobs.Count(j => j.Result is not null);
}
