using System.Text;

namespace Keel.FixCi.Analysis;

/// <summary>
/// Finds the lines that explain why a CI job failed. Works on the log alone, and better with the log of a
/// passing run of the same job: lines both runs print are not evidence. Reads logs as streams, keeping only
/// candidate blocks, so memory does not grow with the size of the log.
/// </summary>
public static class LogAnalyzer
{
    private const string FallbackSummary = "No known error signature; these are the last lines before the failure";

    public static AnalysisResult Analyze(string failLog, string? passLog = null, AnalysisOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(failLog);
        using var fail = new StringReader(failLog);
        using var pass = passLog is null ? null : new StringReader(passLog);
        return Analyze(fail, pass, options);
    }

    /// <summary>Analyses UTF-8 (or BOM-marked) log streams; the streams are left open.</summary>
    public static AnalysisResult Analyze(Stream failLog, Stream? passLog = null, AnalysisOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(failLog);
        using var fail = new StreamReader(failLog, Encoding.UTF8, detectEncodingFromByteOrderMarks: true, bufferSize: 1 << 16, leaveOpen: true);
        using var pass = passLog is null
            ? null
            : new StreamReader(passLog, Encoding.UTF8, detectEncodingFromByteOrderMarks: true, bufferSize: 1 << 16, leaveOpen: true);
        return Analyze(fail, pass, options);
    }

    public static AnalysisResult Analyze(TextReader failLog, TextReader? passLog = null, AnalysisOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(failLog);
        options ??= AnalysisOptions.Default;
        if (options.MaxBlocks < 1 || options.MaxLinesPerBlock < 1)
        {
            throw new ArgumentOutOfRangeException(nameof(options), "MaxBlocks and MaxLinesPerBlock must be at least 1.");
        }

        var passIndex = passLog is null ? null : PassLogIndex.Read(passLog);
        var reader = new LineReader(failLog);
        var framing = new LineFraming();
        var classifier = new LineClassifier();
        var builder = new BlockBuilder(options.MaxLinesPerBlock);
        var recent = new RecentLines(8);
        IReadOnlyList<LogLine>? linesBeforeFailure = null;
        var failedSteps = new HashSet<int>();
        var step = 0;
        var number = 0;

        while (reader.TryReadLine(out var raw))
        {
            number++;
            var line = framing.Strip(raw);
            if (line.StartsStep)
            {
                step++;
            }

            var verdict = classifier.Classify(line);
            if (passIndex is not null && verdict.Kind is LineKind.Anchor or LineKind.Marker or LineKind.Header
                && passIndex.Contains(line.Text))
            {
                // The passing run prints this too: it may belong to an error block but cannot be its evidence.
                verdict = verdict.Kind == LineKind.Anchor ? LineClass.StrongContinuation : LineClass.Neutral;
            }

            if (verdict.Rule?.Id == "actions-exit-code")
            {
                failedSteps.Add(step);
                linesBeforeFailure ??= recent.Snapshot();
            }

            var isNew = passIndex is not null && verdict.Kind is LineKind.Neutral or LineKind.Continuation
                && (line.Text.IsWhiteSpace() || !passIndex.Contains(line.Text));
            builder.Add(number, line.Text, verdict, step, isNew);
            if (verdict.Kind != LineKind.Break && !line.Text.IsWhiteSpace())
            {
                recent.Add(number, line.Text);
            }
        }

        var blocks = BlockRanker.Rank(builder.Blocks, number, failedSteps, options);
        if (blocks.Count == 0)
        {
            var tail = linesBeforeFailure ?? recent.Snapshot();
            if (tail.Count > 0)
            {
                blocks.Add(new LogBlock(tail[0].Number, tail[^1].Number, Categories.Other, FallbackSummary, null, 0, tail));
            }
        }
        return new AnalysisResult(blocks, number, passIndex is not null);
    }
}
