using System.Globalization;
using Keel.Gigzilla.Settings;

namespace Keel.Gigzilla.Automation;

/// <summary>The settings' quiet hours (default 22:00 to 08:00, local time): automation sends nothing then.</summary>
internal static class QuietHours
{
    public static bool Contains(WorkspaceSettings settings, DateTimeOffset localNow)
    {
        if (!settings.QuietHoursEnabled
            || !TimeOnly.TryParseExact(settings.QuietHoursStart, "HH:mm", CultureInfo.InvariantCulture, DateTimeStyles.None, out var start)
            || !TimeOnly.TryParseExact(settings.QuietHoursEnd, "HH:mm", CultureInfo.InvariantCulture, DateTimeStyles.None, out var end))
        {
            return false;
        }

        var time = TimeOnly.FromDateTime(localNow.DateTime);
        // Across midnight (22:00-08:00) the quiet span wraps; TimeOnly.IsBetween handles both cases, end excluded.
        return start != end && time.IsBetween(start, end);
    }
}
