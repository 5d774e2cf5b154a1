using System.Globalization;
using Keel.Gigzilla.Store;
using Microsoft.Data.Sqlite;

namespace Keel.Gigzilla.Backups;

/// <summary>
/// Replaces the store with a backup, after checking that it decrypts and is a sound Gigzilla database. The current
/// store is first moved aside to <c>before-restore-TIMESTAMP/</c>, never overwritten. Run with the store closed.
/// </summary>
internal static class RestoreBackup
{
    public sealed record Result(string KeptAside, int Projects);

    public static Outcome<Result> Run(string dataDirectory, string backupPath, Func<bool, BackupKey?> keyFor, TimeProvider clock)
    {
        var name = Path.GetFileName(backupPath);
        if (!File.Exists(backupPath))
        {
            return new Failure($"no file {backupPath}");
        }

        var opened = BackupFile.Open(File.ReadAllBytes(backupPath), keyFor, name);
        if (opened.Value is not { } database)
        {
            return opened.Failure!;
        }

        Directory.CreateDirectory(dataDirectory);
        var candidate = Path.Combine(dataDirectory, "restore-candidate.db");
        File.WriteAllBytes(candidate, database);
        try
        {
            if (Check(candidate, name) is { } problem)
            {
                return problem;
            }

            var stamp = clock.GetUtcNow().ToString("yyyyMMdd-HHmmss-fff", CultureInfo.InvariantCulture);
            var aside = Path.Combine(dataDirectory, $"before-restore-{stamp}");
            Directory.CreateDirectory(aside);
            foreach (var suffix in new[] { "", "-wal", "-shm" })
            {
                var current = Path.Combine(dataDirectory, GigzillaStore.FileName + suffix);
                if (File.Exists(current))
                {
                    File.Move(current, Path.Combine(aside, GigzillaStore.FileName + suffix));
                }
            }

            File.Move(candidate, Path.Combine(dataDirectory, GigzillaStore.FileName));
            using var store = GigzillaStore.Open(dataDirectory, clock);
            return new Result(aside, Convert.ToInt32(store.Scalar("SELECT COUNT(*) FROM projects"), CultureInfo.InvariantCulture));
        }
        finally
        {
            File.Delete(candidate);
        }
    }

    private static Failure? Check(string path, string name)
    {
        try
        {
            using var connection = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = path, Mode = SqliteOpenMode.ReadOnly, Pooling = false }.ToString());
            connection.Open();
            using var command = connection.CreateCommand();
            command.CommandText = "PRAGMA integrity_check";
            if (command.ExecuteScalar() as string != "ok")
            {
                return new Failure($"{name} holds a damaged database; the current data is untouched");
            }

            command.CommandText = "SELECT MAX(version) FROM schema_version";
            var version = command.ExecuteScalar() is long stored ? stored : 0;
            return version > StoreMigrations.CurrentVersion
                ? new Failure($"{name} comes from a newer gigzilla (schema {version}); update gigzilla first")
                : null;
        }
        catch (SqliteException exception)
        {
            return new Failure($"{name} does not hold a Gigzilla database ({exception.Message.ReplaceLineEndings(" ")}); the current data is untouched");
        }
    }
}
