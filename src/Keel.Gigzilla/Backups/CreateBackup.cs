using System.Globalization;
using Keel.Gigzilla.Settings;
using Keel.Gigzilla.Store;

namespace Keel.Gigzilla.Backups;

/// <summary>
/// Writes an encrypted snapshot of the store (taken with <c>VACUUM INTO</c>, consistent even while it is in use)
/// to the backups folder, then deletes the oldest so that <c>backupKeepCount</c> remain.
/// </summary>
internal static class CreateBackup
{
    public const string FolderName = "backups";

    public sealed record Result(string Path, int Removed);

    public static Result Run(GigzillaStore store, BackupKey key, string? folder = null)
    {
        folder ??= Path.Combine(store.Directory, FolderName);
        Directory.CreateDirectory(folder);
        var now = store.Clock.GetUtcNow();
        var name = $"gigzilla-{now.ToString("yyyyMMdd-HHmmss-fff", CultureInfo.InvariantCulture)}{BackupFile.Extension}";
        var snapshot = Path.Combine(folder, name + ".snapshot");
        try
        {
            store.Execute("VACUUM INTO $path", ("$path", snapshot));
            var sealedFile = BackupFile.Seal(File.ReadAllBytes(snapshot), key);
            var path = Path.Combine(folder, name);
            var partial = path + ".partial";
            using (var stream = new FileStream(partial, FileMode.CreateNew, FileAccess.Write))
            {
                stream.Write(sealedFile);
                stream.Flush(flushToDisk: true);
            }

            File.Move(partial, path);
            return new Result(path, Prune(folder, SettingsDocuments.LoadSettings(store).BackupKeepCount));
        }
        finally
        {
            File.Delete(snapshot);
        }
    }

    private static int Prune(string folder, int keep)
    {
        var old = Directory.GetFiles(folder, $"gigzilla-*{BackupFile.Extension}")
            .OrderByDescending(path => Path.GetFileName(path), StringComparer.Ordinal)
            .Skip(Math.Max(1, keep))
            .ToList();
        old.ForEach(File.Delete);
        return old.Count;
    }
}
