using System.Text;
using BenchmarkDotNet.Attributes;
using Keel.FixCi.Analysis;

namespace Keel.FixCi.Bench;

/// <summary>
/// Throughput of the analysis on about 50 MB of real CI logs, beside the cost of merely splitting the same
/// bytes into lines with a StreamReader, so that figures from a busy machine stay comparable.
/// </summary>
[MemoryDiagnoser]
public class LogAnalysisBenchmarks
{
    private byte[] _fail = [];
    private byte[] _pass = [];

    public static long FailBytes { get; private set; }

    public static long PassBytes { get; private set; }

    [GlobalSetup]
    public void Setup()
    {
        (_fail, _pass) = BenchmarkInput.Build();
        FailBytes = _fail.Length;
        PassBytes = _pass.Length;
    }

    [Benchmark(Baseline = true, Description = "StreamReader.ReadLine count (fail log)")]
    public int CountLines()
    {
        using var reader = new StreamReader(new MemoryStream(_fail), Encoding.UTF8);
        var count = 0;
        while (reader.ReadLine() is not null)
        {
            count++;
        }
        return count;
    }

    [Benchmark(Description = "Analyze fail log")]
    public int AnalyzeFailLog()
    {
        using var fail = new MemoryStream(_fail);
        return LogAnalyzer.Analyze(fail).Blocks.Count;
    }

    [Benchmark(Description = "Analyze fail log + pass log")]
    public int AnalyzeWithPassLog()
    {
        using var fail = new MemoryStream(_fail);
        using var pass = new MemoryStream(_pass);
        return LogAnalyzer.Analyze(fail, pass).Blocks.Count;
    }
}
