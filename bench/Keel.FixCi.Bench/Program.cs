using System.Globalization;
using BenchmarkDotNet.Running;
using Keel.FixCi.Bench;

// Run: dotnet run -c Release --project bench/Keel.FixCi.Bench -- --filter '*' --job short
var summaries = BenchmarkSwitcher.FromAssembly(typeof(LogAnalysisBenchmarks).Assembly).Run(args);

var (fail, pass) = BenchmarkInput.Build();
Console.WriteLine();
Console.WriteLine($"Input: fail log {fail.Length / 1e6:F1} MB, pass log {pass.Length / 1e6:F1} MB");
Console.WriteLine("| benchmark | mean | MB/s (bytes read / mean time) |");
Console.WriteLine("|---|---:|---:|");
foreach (var report in summaries.SelectMany(s => s.Reports))
{
    var mean = report.ResultStatistics?.Mean;
    if (mean is null)
    {
        continue;
    }
    var name = report.BenchmarkCase.Descriptor.WorkloadMethodDisplayInfo;
    var bytes = report.BenchmarkCase.Descriptor.WorkloadMethod.Name == nameof(LogAnalysisBenchmarks.AnalyzeWithPassLog)
        ? fail.Length + pass.Length
        : fail.Length;
    var seconds = mean.Value / 1e9;
    Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"| {name} | {seconds * 1000:F0} ms | {bytes / 1e6 / seconds:F0} |"));
}
