namespace Keel.FixCi.Evaluation;

/// <summary>
/// One breakage of the dataset: a failed and a passing log of the same job, and the failed log's lines that a
/// human marked as the error (E) or as helpful context (C).
/// </summary>
internal sealed record BreakageCase(
    string Name,
    string FailLogPath,
    string? PassLogPath,
    IReadOnlySet<int> ErrorLines,
    IReadOnlySet<int> ContextLines)
{
    /// <summary>Reads a case folder: fail.log, pass.log and groundtruth (first line a parsing option, then "E a-b", "C n" lines).</summary>
    public static BreakageCase Load(string directory)
    {
        var errors = new HashSet<int>();
        var context = new HashSet<int>();
        var groundTruth = File.ReadAllLines(Path.Combine(directory, "groundtruth"));
        foreach (var entry in groundTruth.Skip(1).Select(l => l.Trim()).Where(l => l.Length > 0))
        {
            var parts = entry.Split(' ', 2, StringSplitOptions.TrimEntries);
            if (parts.Length != 2 || parts[0] is not ("E" or "C"))
            {
                throw new FormatException($"{directory}/groundtruth: cannot read '{entry}'; expected 'E 12-15' or 'C 12'.");
            }
            var range = parts[1].Split('-');
            var first = int.Parse(range[0]);
            var last = range.Length > 1 ? int.Parse(range[1]) : first;
            var target = parts[0] == "E" ? errors : context;
            for (var line = first; line <= last; line++)
            {
                target.Add(line);
            }
        }

        var pass = Path.Combine(directory, "pass.log");
        return new BreakageCase(
            Path.GetFileName(directory),
            Path.Combine(directory, "fail.log"),
            File.Exists(pass) ? pass : null,
            errors,
            context);
    }
}
