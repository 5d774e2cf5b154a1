using Keel.FixCi.Analysis;
using Keel.FixCi.Evaluation;

// Usage: Keel.FixCi.Evaluation [DATASET_DIR] [--explain CASE [--fail-only]]
var explain = Array.IndexOf(args, "--explain") is var at and >= 0 && at + 1 < args.Length ? args[at + 1] : null;
var positional = args.Where((a, i) => !a.StartsWith("--", StringComparison.Ordinal) && (i == 0 || args[i - 1] != "--explain")).ToList();
var root = positional.Count > 0
    ? positional[0]
    : BreakageDataset.Locate(AppContext.BaseDirectory) ?? BreakageDataset.Locate(Environment.CurrentDirectory);
if (root is null || !Directory.Exists(root))
{
    Console.Error.WriteLine("Cannot find the breakage dataset: pass its path, or keep shared/data/ci-breakages beside the repository.");
    return 2;
}

var cases = BreakageDataset.Load(root);
if (explain is not null)
{
    var breakage = cases.FirstOrDefault(c => c.Name == explain);
    if (breakage is null)
    {
        Console.Error.WriteLine($"No case named '{explain}' in {root}.");
        return 2;
    }
    var withPass = !args.Contains("--fail-only") && breakage.PassLogPath is not null;
    var result = LogAnalyzer.Analyze(
        File.ReadAllText(breakage.FailLogPath),
        withPass ? File.ReadAllText(breakage.PassLogPath!) : null,
        new AnalysisOptions { MaxBlocks = 8 });
    foreach (var block in result.Blocks)
    {
        Console.WriteLine($"{block.Start}-{block.End} {block.Score} {block.Category} | {block.Summary}");
    }
    return 0;
}

Console.WriteLine($"{cases.Count} cases from {root}");
Console.WriteLine();
Console.Write(ReportTable.Render(Evaluation.RunAll(cases)));
return 0;
