using Keel.Gigzilla.Automation;
using Keel.Gigzilla.Backups;
using Keel.Gigzilla.Settings;

namespace Keel.Gigzilla.Tests.Automation;

public sealed class ScheduledBackupTests : IDisposable
{
    private readonly TestWorkspace workspace = new();

    private string BackupFolder => Path.Combine(workspace.Directory, CreateBackup.FolderName);

    [Fact]
    public async Task A_daily_backup_is_made_once_per_day_at_the_backup_time()
    {
        using var store = workspace.OpenStore();
        Freelancer.Prepare(store, backups: true);

        (await RunDueWork.RunAsync(store)).Backup.ShouldNotBeNull();
        workspace.Clock.SetUtcNow(new DateTimeOffset(2026, 2, 2, 2, 59, 0, TimeSpan.Zero));
        (await RunDueWork.RunAsync(store)).Backup.ShouldBeNull();
        workspace.Clock.SetUtcNow(new DateTimeOffset(2026, 2, 2, 3, 0, 0, TimeSpan.Zero));
        (await RunDueWork.RunAsync(store)).Backup.ShouldNotBeNull();
        workspace.Clock.Advance(TimeSpan.FromHours(12));
        (await RunDueWork.RunAsync(store)).Backup.ShouldBeNull();

        Directory.GetFiles(BackupFolder, "*" + BackupFile.Extension).Length.ShouldBe(2);
    }

    [Fact]
    public async Task After_a_week_offline_one_backup_is_made_not_seven()
    {
        using var store = workspace.OpenStore();
        Freelancer.Prepare(store, backups: true);
        await RunDueWork.RunAsync(store);

        workspace.Clock.Advance(TimeSpan.FromDays(7));
        (await RunDueWork.RunAsync(store)).Backup.ShouldNotBeNull();
        (await RunDueWork.RunAsync(store)).Backup.ShouldBeNull();

        Directory.GetFiles(BackupFolder, "*" + BackupFile.Extension).Length.ShouldBe(2);
    }

    [Fact]
    public async Task Only_the_newest_backup_keep_count_backups_remain_and_they_restore()
    {
        using (var store = workspace.OpenStore())
        {
            Freelancer.Prepare(store, backups: true, settings: settings => settings with { BackupKeepCount = 3 });
            workspace.AddProject(store, "Logo for Acme Corp, 500");
            for (var day = 0; day < 5; day++)
            {
                (await RunDueWork.RunAsync(store)).Backup.ShouldNotBeNull();
                workspace.Clock.Advance(TimeSpan.FromDays(1));
            }
        }

        var kept = Directory.GetFiles(BackupFolder, "*" + BackupFile.Extension).Order(StringComparer.Ordinal).ToList();
        kept.Count.ShouldBe(3);
        Path.GetFileName(kept[^1]).ShouldBe("gigzilla-20260205-100000-000.gzbackup");
        workspace.Run("restore", kept[^1]).ExitCode.ShouldBe(0);
        workspace.Run("projects").Out.ShouldContain("Logo");
    }

    [Fact]
    public async Task No_backup_is_made_when_backups_are_off()
    {
        using var store = workspace.OpenStore();
        Freelancer.Prepare(store, backups: false);

        (await RunDueWork.RunAsync(store)).Backup.ShouldBeNull();
        Directory.Exists(BackupFolder).ShouldBeFalse();
    }

    [Fact]
    public void Weekly_and_hourly_backups_have_their_own_slots()
    {
        var now = new DateTimeOffset(2026, 2, 4, 10, 30, 0, TimeSpan.Zero);

        ScheduledBackup.LatestSlot(new WorkspaceSettings { BackupFrequency = "hourly" }, now, TimeZoneInfo.Utc).ShouldBe(new DateTimeOffset(2026, 2, 4, 10, 0, 0, TimeSpan.Zero));
        ScheduledBackup.LatestSlot(new WorkspaceSettings(), now, TimeZoneInfo.Utc).ShouldBe(new DateTimeOffset(2026, 2, 4, 3, 0, 0, TimeSpan.Zero));
        ScheduledBackup.LatestSlot(new WorkspaceSettings { BackupFrequency = "weekly" }, now, TimeZoneInfo.Utc).ShouldBe(new DateTimeOffset(2026, 1, 29, 3, 0, 0, TimeSpan.Zero));
    }

    public void Dispose() => workspace.Dispose();
}
