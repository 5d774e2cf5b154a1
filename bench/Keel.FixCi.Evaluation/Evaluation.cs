namespace Keel.FixCi.Evaluation;

/// <summary>Scores a line-picking method against the marked lines of every case.</summary>
internal static class Evaluation
{
    public static EvaluationReport Run(
        string method, IReadOnlyList<BreakageCase> cases, Func<BreakageCase, IReadOnlyList<(int Start, int End)>> pick) =>
        new(method, cases.Select(c => Score(c, pick(c))).ToList());

    public static CaseScore Score(BreakageCase breakage, IReadOnlyList<(int Start, int End)> ranges)
    {
        var reported = new HashSet<int>();
        foreach (var (start, end) in ranges)
        {
            for (var line = start; line <= end; line++)
            {
                reported.Add(line);
            }
        }

        var found = breakage.ErrorLines.Count(reported.Contains);
        var relevant = reported.Count(l => breakage.ErrorLines.Contains(l) || breakage.ContextLines.Contains(l));
        var recall = breakage.ErrorLines.Count == 0 ? 1 : (double)found / breakage.ErrorLines.Count;
        var precision = reported.Count == 0 ? 0 : (double)relevant / reported.Count;
        return new CaseScore(breakage.Name, breakage.ErrorLines.Count, reported.Count, recall, precision);
    }

    public static IReadOnlyList<EvaluationReport> RunAll(IReadOnlyList<BreakageCase> cases) =>
    [
        Run("FixCI (fail + pass log)", cases, Methods.Engine),
        Run("FixCI (fail log only)", cases, Methods.EngineWithoutPassLog),
        Run("Baseline: last 50 lines", cases, Methods.LastFiftyLines),
        Run("Baseline: grep ERROR, first 3 runs", cases, Methods.GrepError),
    ];
}
