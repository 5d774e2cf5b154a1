using System.Text.RegularExpressions;
using Keel.FixCi.Analysis;

namespace Keel.FixCi.Evaluation;

/// <summary>
/// The ways of picking lines that are scored: the FixCI engine (with and without the passing log) and two
/// naive baselines. Each returns the line ranges it reports for a case.
/// </summary>
internal static partial class Methods
{
    public const int TopBlocks = 3;

    public static IReadOnlyList<(int Start, int End)> Engine(BreakageCase breakage)
    {
        using var fail = File.OpenRead(breakage.FailLogPath);
        using var pass = breakage.PassLogPath is null ? null : File.OpenRead(breakage.PassLogPath);
        return Ranges(LogAnalyzer.Analyze(fail, pass));
    }

    public static IReadOnlyList<(int Start, int End)> EngineWithoutPassLog(BreakageCase breakage)
    {
        using var fail = File.OpenRead(breakage.FailLogPath);
        return Ranges(LogAnalyzer.Analyze(fail));
    }

    /// <summary>The last 50 lines of the log, as a reader scrolling to the bottom would see.</summary>
    public static IReadOnlyList<(int Start, int End)> LastFiftyLines(BreakageCase breakage)
    {
        var count = ReadLines(breakage.FailLogPath).Count;
        return count == 0 ? [] : [(Math.Max(1, count - 49), count)];
    }

    /// <summary>Lines containing "ERROR", grouped into runs of consecutive lines, the first three runs.</summary>
    public static IReadOnlyList<(int Start, int End)> GrepError(BreakageCase breakage)
    {
        var lines = ReadLines(breakage.FailLogPath);
        var runs = new List<(int Start, int End)>();
        for (var i = 0; i < lines.Count; i++)
        {
            if (!lines[i].Contains("ERROR", StringComparison.Ordinal))
            {
                continue;
            }
            var number = i + 1;
            if (runs.Count > 0 && runs[^1].End == number - 1)
            {
                runs[^1] = (runs[^1].Start, number);
            }
            else
            {
                runs.Add((number, number));
            }
        }
        return runs.Take(TopBlocks).ToList();
    }

    private static List<(int Start, int End)> Ranges(AnalysisResult result) =>
        result.Blocks.Take(TopBlocks).Select(b => (b.Start, b.End)).ToList();

    /// <summary>Splits like the engine does: a line ends at "\n", "\r\n" or a lone "\r".</summary>
    private static List<string> ReadLines(string path)
    {
        var lines = LineBreak().Split(File.ReadAllText(path)).ToList();
        if (lines.Count > 0 && lines[^1].Length == 0)
        {
            lines.RemoveAt(lines.Count - 1);
        }
        return lines;
    }

    [GeneratedRegex(@"\r\n|\r|\n")]
    private static partial Regex LineBreak();
}
