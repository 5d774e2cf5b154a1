using Keel.FixCi.Evaluation;

namespace Keel.FixCi.Tests.Evaluation;

/// <summary>
/// Scores the engine on the real breakages in shared/data/ci-breakages with the same code as the
/// Keel.FixCi.Evaluation console. The floors sit a few points under the measured figures (see bench/RESULTS.md),
/// so a rule change that makes the engine worse fails here.
/// </summary>
public sealed class BreakageDatasetTests
{
    private static readonly Lazy<IReadOnlyList<BreakageCase>> Cases = new(LoadCases);

    [Fact]
    public void Engine_with_the_passing_log_finds_the_marked_error_lines()
    {
        var report = Keel.FixCi.Evaluation.Evaluation.Run("engine", Cases.Value, Methods.Engine);

        report.Recall.ShouldBeGreaterThanOrEqualTo(0.95);
        report.Precision.ShouldBeGreaterThanOrEqualTo(0.92);
    }

    [Fact]
    public void Engine_without_the_passing_log_still_beats_the_baselines()
    {
        var engine = Keel.FixCi.Evaluation.Evaluation.Run("engine", Cases.Value, Methods.EngineWithoutPassLog);
        var lastLines = Keel.FixCi.Evaluation.Evaluation.Run("last 50", Cases.Value, Methods.LastFiftyLines);

        engine.Recall.ShouldBeGreaterThanOrEqualTo(0.92);
        engine.Precision.ShouldBeGreaterThanOrEqualTo(0.82);
        engine.Recall.ShouldBeGreaterThan(lastLines.Recall);
        engine.Precision.ShouldBeGreaterThan(lastLines.Precision);
    }

    [Fact]
    public void Every_case_of_the_dataset_is_scored()
    {
        Cases.Value.Count.ShouldBe(18);
        Cases.Value.ShouldAllBe(c => c.ErrorLines.Count > 0);
    }

    private static IReadOnlyList<BreakageCase> LoadCases()
    {
        var root = BreakageDataset.Locate(AppContext.BaseDirectory);
        if (root is null)
        {
            Assert.Fail(
                $"The breakage dataset was not found: no ancestor of {AppContext.BaseDirectory} has shared/data/ci-breakages beside it. " +
                "Check out the shared data next to the repository (../shared relative to the repository root).");
        }
        return BreakageDataset.Load(root!);
    }
}
