using Keel.Gigzilla.Backups;
using Keel.Gigzilla.Settings;

namespace Keel.Gigzilla.Tests.Backups;

public sealed class BackupTests : IDisposable
{
    private readonly TestWorkspace workspace = new();

    private string Backup(BackupKey? key = null)
    {
        using var store = workspace.OpenStore();
        var path = CreateBackup.Run(store, key ?? BackupKey.ForInstall(workspace.Directory, create: true)!).Path;
        workspace.Clock.Advance(TimeSpan.FromSeconds(1));
        return path;
    }

    private Outcome<RestoreBackup.Result> Restore(TestWorkspace target, string path, string? passphrase = null) =>
        RestoreBackup.Run(
            target.Directory,
            path,
            usesPassphrase => usesPassphrase
                ? passphrase is null ? null : BackupKey.FromPassphrase(passphrase)
                : BackupKey.ForInstall(target.Directory, create: false),
            target.Clock);

    private long ProjectCount()
    {
        using var store = workspace.OpenStore();
        return (long)store.Scalar("SELECT COUNT(*) FROM projects")!;
    }

    [Fact]
    public void A_backup_is_encrypted_and_restores_the_data_keeping_the_current_store_aside()
    {
        using (var store = workspace.OpenStore())
        {
            workspace.AddProject(store, "Logo for Acme Corp, €1,500");
        }

        var backup = Backup();
        using (var store = workspace.OpenStore())
        {
            workspace.AddProject(store, "Added after the backup, 100");
        }

        File.ReadAllBytes(backup).AsSpan().IndexOf("Acme Corp"u8).ShouldBe(-1);
        var restored = Restore(workspace, backup);

        restored.Value!.Projects.ShouldBe(1);
        ProjectCount().ShouldBe(1);
        File.Exists(Path.Combine(restored.Value.KeptAside, "gigzilla.db")).ShouldBeTrue();
        using var store2 = workspace.OpenStore();
        store2.Scalar("PRAGMA integrity_check").ShouldBe("ok");
        store2.Scalar("PRAGMA journal_mode").ShouldBe("wal");
    }

    [Fact]
    public void Only_the_newest_backups_are_kept()
    {
        using (var store = workspace.OpenStore())
        {
            SettingsDocuments.SaveSettings(store, new WorkspaceSettings { BackupKeepCount = 3 });
        }

        var paths = Enumerable.Range(0, 5).Select(_ => Backup()).ToList();

        Directory.GetFiles(Path.Combine(workspace.Directory, CreateBackup.FolderName)).Select(Path.GetFileName)
            .Order(StringComparer.Ordinal).ShouldBe(paths.Skip(2).Select(Path.GetFileName).ToList());
    }

    [Fact]
    public void A_corrupt_backup_is_refused_and_the_current_data_is_untouched()
    {
        using (var store = workspace.OpenStore())
        {
            workspace.AddProject(store, "Logo for Acme Corp, 500");
        }

        var backup = Backup();
        var bytes = File.ReadAllBytes(backup);
        bytes[^10] ^= 0x40;
        File.WriteAllBytes(backup, bytes);

        Restore(workspace, backup).Failure!.Message.ShouldEndWith("is corrupt: its contents do not match its authentication tag");
        ProjectCount().ShouldBe(1);
        Directory.GetDirectories(workspace.Directory, "before-restore-*").ShouldBeEmpty();
    }

    [Fact]
    public void A_backup_from_another_installation_or_not_a_backup_at_all_is_refused()
    {
        var backup = Backup();
        using var other = new TestWorkspace();

        Restore(other, backup).Failure!.Message.ShouldContain("has no backup.key");
        BackupKey.ForInstall(other.Directory, create: true);
        Restore(other, backup).Failure!.Message.ShouldContain("was made by another Gigzilla installation");

        var text = Path.Combine(other.Directory, "notes.txt");
        File.WriteAllText(text, "just some notes, nothing to see");
        Restore(other, text).Failure!.Message.ShouldBe("notes.txt is not a Gigzilla backup");
        Restore(other, Path.Combine(other.Directory, "missing.gzbackup")).Failure!.Message.ShouldStartWith("no file ");
    }

    [Fact]
    public void An_encrypted_file_that_holds_no_database_is_refused()
    {
        var key = BackupKey.ForInstall(workspace.Directory, create: true)!;
        var path = Path.Combine(workspace.Directory, "fake.gzbackup");
        File.WriteAllBytes(path, BackupFile.Seal("definitely not SQLite, but long enough to look like a page or two"u8.ToArray(), key));

        Restore(workspace, path).Failure!.Message.ShouldContain("fake.gzbackup does not hold a Gigzilla database");
    }

    [Fact]
    public void A_passphrase_backup_needs_the_same_passphrase()
    {
        using (var store = workspace.OpenStore())
        {
            workspace.AddProject(store, "Logo for Acme Corp, 500");
        }

        var backup = Backup(BackupKey.FromPassphrase("correct horse battery staple"));
        using var other = new TestWorkspace();

        Restore(other, backup).Failure!.Message.ShouldContain("GIGZILLA_BACKUP_PASSPHRASE");
        Restore(other, backup, "wrong").Failure!.Message.ShouldContain("passphrase is wrong");
        Restore(other, backup, "correct horse battery staple").Value!.Projects.ShouldBe(1);
    }

    [Fact]
    public void The_backup_and_restore_commands_round_trip()
    {
        workspace.Run("add", "Logo for Acme Corp, 500");
        var output = workspace.Run("backup").Out;
        output.ShouldStartWith("Backed up to ");
        var path = output["Backed up to ".Length..].Trim();

        var (exitCode, restored, error) = workspace.Run("restore", path);

        exitCode.ShouldBe(0, error);
        restored.ShouldContain("Restored 1 projects from ");
        workspace.Run("restore", Path.Combine(workspace.Directory, "gigzilla.db")).Error.ShouldBe("gigzilla: gigzilla.db is not a Gigzilla backup" + Environment.NewLine);
    }

    public void Dispose() => workspace.Dispose();
}
