using Keel.FixCi.Evaluation;

namespace Keel.FixCi.Bench;

/// <summary>
/// A large realistic input: the failed (and passing) logs of the breakage dataset concatenated over and over
/// until each reaches <see cref="TargetBytes"/>, kept as UTF-8 bytes in memory so that disk speed is not measured.
/// </summary>
internal static class BenchmarkInput
{
    public const int TargetBytes = 50 * 1024 * 1024;

    public static (byte[] Fail, byte[] Pass) Build()
    {
        var root = BreakageDataset.Locate(AppContext.BaseDirectory) ?? BreakageDataset.Locate(Environment.CurrentDirectory)
            ?? throw new InvalidOperationException("Cannot find shared/data/ci-breakages beside the repository.");
        var cases = BreakageDataset.Load(root);
        return (Repeat(cases.Select(c => c.FailLogPath)), Repeat(cases.Select(c => c.PassLogPath).OfType<string>()));
    }

    private static byte[] Repeat(IEnumerable<string> paths)
    {
        var logs = paths.Select(File.ReadAllBytes).ToList();
        using var output = new MemoryStream(TargetBytes + (4 << 20));
        while (output.Length < TargetBytes)
        {
            foreach (var log in logs)
            {
                output.Write(log);
                output.WriteByte((byte)'\n');
            }
        }
        return output.ToArray();
    }
}
