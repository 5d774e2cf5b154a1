namespace Keel.Testing;

/// <summary>Locates the Keel checkout that the running tests were built from.</summary>
public static class RepositoryRoot
{
    public const string SolutionFileName = "Keel.slnx";

    /// <summary>
    /// Walks up from <paramref name="startDirectory"/> (default: the test assembly's directory) to the first
    /// directory holding <c>Keel.slnx</c>.
    /// </summary>
    public static string Find(string? startDirectory = null)
    {
        var start = startDirectory ?? AppContext.BaseDirectory;
        for (var directory = new DirectoryInfo(start); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, SolutionFileName)))
            {
                return directory.FullName;
            }
        }

        throw new DirectoryNotFoundException(
            $"No {SolutionFileName} found in {start} or any parent directory; run the tests from inside the Keel repository.");
    }
}
