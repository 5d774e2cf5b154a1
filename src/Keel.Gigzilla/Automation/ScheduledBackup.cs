using System.Globalization;
using Keel.Gigzilla.Backups;
using Keel.Gigzilla.Settings;
using Keel.Gigzilla.Store;

namespace Keel.Gigzilla.Automation;

/// <summary>
/// Seed 001's automatic backup: with <c>backupEnabled</c>, one encrypted backup per <c>backupFrequency</c>
/// (<c>daily</c> at <c>backupTime</c> local, <c>weekly</c>, or <c>hourly</c>) with the install key, keeping the newest
/// <c>backupKeepCount</c>. A computer that was off makes one backup when it is back, not one per missed slot.
/// </summary>
internal static class ScheduledBackup
{
    public const string Task = "backup";

    public static CreateBackup.Result? RunIfDue(GigzillaStore store, WorkspaceSettings settings)
    {
        if (!settings.BackupEnabled)
        {
            return null;
        }

        var last = store.Query("SELECT last_run_at FROM automation_runs WHERE task = $task", reader => reader.Instant(0), ("$task", Task)).FirstOrDefault();
        if (last != default && last >= LatestSlot(settings, store.Clock.GetLocalNow(), store.Clock.LocalTimeZone))
        {
            return null;
        }

        var result = CreateBackup.Run(store, BackupKey.ForInstall(store.Directory, create: true)!);
        store.Write(() =>
        {
            store.Execute(
                "INSERT INTO automation_runs (task, last_run_at) VALUES ($task, $now) ON CONFLICT (task) DO UPDATE SET last_run_at = excluded.last_run_at",
                ("$task", Task),
                ("$now", store.Timestamp()));
            return (Outcome<bool>)true;
        });
        return result;
    }

    /// <summary>The most recent moment a backup was due: a backup made at or after it is current.</summary>
    public static DateTimeOffset LatestSlot(WorkspaceSettings settings, DateTimeOffset localNow, TimeZoneInfo zone)
    {
        if (settings.BackupFrequency == "hourly")
        {
            return localNow.ToUniversalTime().AddTicks(-(localNow.UtcTicks % TimeSpan.TicksPerHour));
        }

        var time = TimeOnly.TryParseExact(settings.BackupTime, "HH:mm", CultureInfo.InvariantCulture, DateTimeStyles.None, out var parsed) ? parsed : new TimeOnly(3, 0);
        var date = DateOnly.FromDateTime(localNow.DateTime);
        if (TimeOnly.FromDateTime(localNow.DateTime) < time)
        {
            date = date.AddDays(-1);
        }

        var slot = new DateTimeOffset(TimeZoneInfo.ConvertTimeToUtc(date.ToDateTime(time, DateTimeKind.Unspecified), zone), TimeSpan.Zero);
        return settings.BackupFrequency == "weekly" ? slot.AddDays(-6) : slot;
    }
}
