using System.Globalization;
using BenchmarkDotNet.Attributes;
using Keel.Gigzilla.QuickEntry;

namespace Keel.Gigzilla.Bench;

/// <summary>
/// Parse throughput over the test corpus: each operation takes the next corpus line, so lines/s = 1 s / mean.
/// The baseline splits the same lines on whitespace, the least any parser has to do.
/// </summary>
[MemoryDiagnoser]
public class QuickEntryParserBenchmark
{
    private static readonly string[] KnownClients = ["Acme Corp", "Nordic Wool", "Vela Yoga", "Helix Bio", "Casa Lima", "Zeta Labs"];

    private (string Text, DateOnly Today)[] lines = [];
    private int next;

    [GlobalSetup]
    public void LoadCorpus()
    {
        lines = File.ReadLines(Path.Combine(AppContext.BaseDirectory, "corpus.tsv"))
            .Where(line => line.Length > 0 && !line.StartsWith('#'))
            .Select(line => line.Split('\t'))
            .Select(cells => (cells[0], DateOnly.ParseExact(cells[1], "yyyy-MM-dd", CultureInfo.InvariantCulture)))
            .ToArray();
    }

    [Benchmark(Baseline = true)]
    public int SplitOnWhitespace()
    {
        var (text, _) = NextLine();
        return text.Split(' ', StringSplitOptions.RemoveEmptyEntries).Length;
    }

    [Benchmark]
    public ParsedQuickEntry Parse()
    {
        var (text, today) = NextLine();
        return QuickEntryParser.Parse(text, today, KnownClients);
    }

    private (string Text, DateOnly Today) NextLine()
    {
        var line = lines[next];
        next = next + 1 == lines.Length ? 0 : next + 1;
        return line;
    }
}
