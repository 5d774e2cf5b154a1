using System.Globalization;

namespace Keel.Testing;

/// <summary>The directory holding a PostgreSQL server installation's initdb and postgres.</summary>
internal sealed record PostgresBinaries(string Directory)
{
    const string DebianRoot = "/usr/lib/postgresql";

    public string InitDb => Path.Combine(Directory, "initdb");

    public string Postgres => Path.Combine(Directory, "postgres");

    /// <summary>
    /// Prefers the newest Debian/Ubuntu <c>/usr/lib/postgresql/N/bin</c>, then <c>pg_config --bindir</c>, then PATH.
    /// </summary>
    public static async Task<PostgresBinaries> LocateAsync()
    {
        var candidates = new List<string>();
        if (System.IO.Directory.Exists(DebianRoot))
        {
            candidates.AddRange(System.IO.Directory.EnumerateDirectories(DebianRoot)
                .Select(version => (Version: decimal.TryParse(Path.GetFileName(version), CultureInfo.InvariantCulture, out var number) ? number : -1, Path: version))
                .OrderByDescending(version => version.Version)
                .Select(version => Path.Combine(version.Path, "bin")));
        }

        var pgConfig = ExecutableSearch.Find("pg_config", [], out _);
        if (pgConfig is not null)
        {
            var (exitCode, output) = await CommandRunner.TryRunAsync(pgConfig, ["--bindir"], timeout: TimeSpan.FromSeconds(10));
            if (exitCode == 0)
            {
                candidates.Add(output);
            }
        }

        var initDbOnPath = ExecutableSearch.Find("initdb", ["/usr/local/pgsql/bin"], out var searchedPath);
        if (initDbOnPath is not null)
        {
            candidates.Add(Path.GetDirectoryName(initDbOnPath)!);
        }

        var found = candidates.Select(directory => new PostgresBinaries(directory)).FirstOrDefault(binaries =>
            File.Exists(binaries.InitDb) && File.Exists(binaries.Postgres));
        return found ?? throw new MissingBinaryException(
            "initdb", "postgresql", [$"{DebianRoot}/*/bin", "pg_config --bindir", .. searchedPath]);
    }
}
