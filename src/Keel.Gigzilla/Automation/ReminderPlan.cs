using Keel.Gigzilla.Invoices;
using Keel.Gigzilla.Settings;

namespace Keel.Gigzilla.Automation;

/// <summary>
/// When an unpaid invoice's reminders go, by the client's strategy, as days after the due date (negative: before):
/// <list type="bullet">
/// <item><c>standard</c>: the settings' <c>reminderSchedule</c> (default 3 days before, on the due date, 3 and 7 days
/// after), then the final notice 14 days after (seed 000);</item>
/// <item><c>gentle</c>: on the due date, 7 days after, final notice 21 days after;</item>
/// <item><c>aggressive</c>: 3 days before, on the due date, 1, 3 and 7 days after, final notice 10 days after;</item>
/// <item><c>minimal</c>: 7 days after, final notice 21 days after;</item>
/// <item><c>none</c>: no reminders.</item>
/// </list>
/// A level's template is <c>gentle</c> before the due date, <c>dueToday</c> on it, <c>overdue</c> after it, and
/// <c>finalNotice</c> for the last level.
/// </summary>
internal static class ReminderPlan
{
    public const int FinalNoticeDays = 14;

    public static readonly IReadOnlyList<string> Strategies = ["standard", "gentle", "aggressive", "minimal", "none"];

    public sealed record Level(int Index, int DaysAfterDue, string Template);

    public static IReadOnlyList<Level> For(string strategy, WorkspaceSettings settings)
    {
        int[] days = strategy switch
        {
            "none" => [],
            "gentle" => [0, 7, 21],
            "aggressive" => [-3, 0, 1, 3, 7, 10],
            "minimal" => [7, 21],
            // The seed's reminderSchedule counts days before the due date; levels count days after it.
            _ => [.. settings.ReminderSchedule.Select(before => -before).Where(after => after < FinalNoticeDays).Distinct().Order(), FinalNoticeDays],
        };
        return days.Select((after, index) => new Level(index, after, index == days.Length - 1 && after > 0 ? "finalNotice" : Template(after))).ToList();
    }

    public static string Template(int daysAfterDue) => daysAfterDue switch
    {
        < 0 => "gentle",
        0 => "dueToday",
        _ => "overdue",
    };

    /// <summary>The highest level due on <paramref name="today"/> that is above <paramref name="lastSent"/>, or null.</summary>
    public static Level? Due(IReadOnlyList<Level> levels, DateOnly dueDate, DateOnly today, int? lastSent) =>
        levels.LastOrDefault(level => dueDate.AddDays(level.DaysAfterDue) <= today && level.Index > (lastSent ?? -1));

    /// <summary>The subject and body of a reminder with this template.</summary>
    public static (string Subject, string Body) Text(string template, Invoice invoice, DateOnly today)
    {
        var due = invoice.DueDate ?? today;
        var late = today.DayNumber - due.DayNumber;
        var owed = invoice.Remaining;
        return template switch
        {
            "gentle" => ($"Friendly reminder: invoice {invoice.Number} is due on {due:MMMM d}",
                $"Hello,\n\na friendly reminder that invoice {invoice.Number} for {invoice.ProjectTitle} ({owed}) is due on {due:MMMM d, yyyy}. If you have already paid, thank you and please ignore this message."),
            "dueToday" => ($"Invoice {invoice.Number} is due today",
                $"Hello,\n\ninvoice {invoice.Number} for {invoice.ProjectTitle} ({owed}) is due today. The invoice is attached again for convenience."),
            "finalNotice" => ($"Final notice: invoice {invoice.Number} is {late} days overdue",
                $"Hello,\n\ninvoice {invoice.Number} for {invoice.ProjectTitle} was due on {due:MMMM d, yyyy} and {owed} is still unpaid, {late} days later. Please pay it now or tell me when you will; otherwise I will have to take further steps."),
            _ => ($"Reminder: invoice {invoice.Number} is {late} {(late == 1 ? "day" : "days")} overdue",
                $"Hello,\n\ninvoice {invoice.Number} for {invoice.ProjectTitle} was due on {due:MMMM d, yyyy}; {owed} is still open. Could you please arrange the payment? The invoice is attached again."),
        };
    }
}
