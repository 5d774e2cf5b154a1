namespace Keel.FixCi.Analysis;

/// <summary>
/// Orders candidate blocks by the strength of their evidence, with small bonuses for size, for coming late in
/// the log and for lying in the Actions step that failed. Picks greedily, penalising a block whose evidence
/// comes from the same rule as an already chosen one (three copies of one error tell less than three different
/// errors), and stops when what is left is much weaker than the best.
/// </summary>
internal static class BlockRanker
{
    private const double RepeatPenalty = 15;
    private const double MaxShortfall = 40;
    private const int SummaryLength = 160;

    public static List<LogBlock> Rank(
        IReadOnlyList<BlockCandidate> candidates, int lineCount, IReadOnlySet<int> failedSteps, AnalysisOptions options)
    {
        var remaining = candidates.Select(c => (Candidate: c, Value: Value(c, lineCount, failedSteps))).ToList();
        var chosen = new List<LogBlock>();
        var ruleUses = new Dictionary<string, int>();
        double? best = null;

        while (chosen.Count < options.MaxBlocks && remaining.Count > 0)
        {
            var pick = -1;
            var pickValue = double.MinValue;
            for (var i = 0; i < remaining.Count; i++)
            {
                var (candidate, value) = remaining[i];
                var adjusted = value - RepeatPenalty * ruleUses.GetValueOrDefault(candidate.Rule?.Id ?? "", 0);
                if (adjusted > pickValue)
                {
                    pick = i;
                    pickValue = adjusted;
                }
            }

            best ??= pickValue;
            if (pickValue < best - MaxShortfall)
            {
                break;
            }

            var chosenCandidate = remaining[pick].Candidate;
            remaining.RemoveAt(pick);
            var ruleId = chosenCandidate.Rule?.Id ?? "";
            ruleUses[ruleId] = ruleUses.GetValueOrDefault(ruleId, 0) + 1;
            chosen.Add(ToBlock(chosenCandidate, pickValue));
        }
        return chosen;
    }

    private static double Value(BlockCandidate candidate, int lineCount, IReadOnlySet<int> failedSteps)
    {
        var size = Math.Min(8, 2 * Math.Log2(candidate.LineCount));
        var position = lineCount > 0 ? 15.0 * candidate.Start / lineCount : 0;
        var inFailedStep = failedSteps.Contains(candidate.Step) ? 10 : 0;
        return candidate.Score + size + position + inFailedStep;
    }

    private static LogBlock ToBlock(BlockCandidate candidate, double value)
    {
        var rule = candidate.Rule;
        var evidence = LineClassifier.LevelOf(candidate.Evidence.AsSpan().Trim()).Body.Trim().ToString();
        if (evidence.Length > SummaryLength)
        {
            evidence = evidence[..(SummaryLength - 1)] + "…";
        }
        var label = rule?.Label ?? "Error";
        var summary = evidence.Length == 0 ? label : $"{label}: {evidence}";
        var hint = rule?.Hint ?? DefaultHint(candidate.Category);
        return new LogBlock(candidate.Start, candidate.End, candidate.Category, summary, hint, Math.Round(value, 1), candidate.Lines());
    }

    private static string? DefaultHint(string category) => category switch
    {
        Categories.Compilation => Hints.Compilation,
        Categories.TestFailure => Hints.TestFailure,
        Categories.DependencyResolution => Hints.Dependency,
        Categories.Lint => Hints.Lint,
        Categories.Timeout => Hints.Timeout,
        Categories.OutOfMemory => Hints.OutOfMemory,
        Categories.Network => Hints.Network,
        Categories.Permission => Hints.Permission,
        _ => null,
    };
}
