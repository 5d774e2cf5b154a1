namespace Keel.FixCi.Evaluation;

/// <summary>The breakage dataset kept beside the repository, in shared/data/ci-breakages.</summary>
internal static class BreakageDataset
{
    private static readonly string[] RelativePath = ["shared", "data", "ci-breakages"];

    /// <summary>
    /// Walks up from <paramref name="start"/> until an ancestor has shared/data/ci-breakages beside it or below it.
    /// </summary>
    public static string? Locate(string start)
    {
        for (var directory = new DirectoryInfo(start); directory is not null; directory = directory.Parent)
        {
            var candidate = Path.Combine([directory.FullName, .. RelativePath]);
            if (Directory.Exists(candidate))
            {
                return candidate;
            }
        }
        return null;
    }

    public static IReadOnlyList<BreakageCase> Load(string root) =>
        Directory.GetDirectories(root)
            .Where(d => File.Exists(Path.Combine(d, "fail.log")) && File.Exists(Path.Combine(d, "groundtruth")))
            .Order(StringComparer.Ordinal)
            .Select(BreakageCase.Load)
            .ToList();
}
