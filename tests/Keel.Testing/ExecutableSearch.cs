namespace Keel.Testing;

internal static class ExecutableSearch
{
    /// <summary>Looks for <paramref name="name"/> on PATH, then in <paramref name="fallbackDirectories"/>.</summary>
    public static string? Find(string name, IEnumerable<string> fallbackDirectories, out IReadOnlyList<string> searched)
    {
        var directories = (Environment.GetEnvironmentVariable("PATH") ?? "")
            .Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries)
            .Concat(fallbackDirectories)
            .Distinct()
            .ToList();
        searched = directories;
        return directories.Select(directory => Path.Combine(directory, name)).FirstOrDefault(File.Exists);
    }
}
