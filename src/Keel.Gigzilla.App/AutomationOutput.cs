using Keel.Gigzilla.Automation;
using Keel.Gigzilla.Mail;
using Spectre.Console;

namespace Keel.Gigzilla.App;

/// <summary>How the automation engine's report and mail deliveries read in the terminal.</summary>
internal static class AutomationOutput
{
    public static void Write(IAnsiConsole console, RunDueWork.Report report)
    {
        foreach (var (project, composed) in report.InvoicesSent)
        {
            console.MarkupLineInterpolated($"[green]Invoiced[/] {project} → {composed.Mail.To} ({composed.Mail.Subject})");
            Warn(console, composed.Warning);
        }

        foreach (var reminder in report.Reminders)
        {
            console.MarkupLineInterpolated($"[green]Reminder[/] ({reminder.Template}) for {reminder.Invoice.Label} → {reminder.To}");
            Warn(console, reminder.Warning);
        }

        foreach (var problem in report.Problems)
        {
            console.MarkupLineInterpolated($"[yellow]Skipped[/] {problem}");
        }

        if (report.Backup is { } backup)
        {
            console.MarkupLineInterpolated($"[green]Backed up[/] to {backup.Path}");
        }

        Deliveries(console, report.Deliveries);
        if (report.QuietHours)
        {
            console.WriteLine("Quiet hours: invoices and reminders wait until they end.");
        }

        if (report.DidNothing)
        {
            console.WriteLine("Nothing due.");
        }
    }

    public static void Deliveries(IAnsiConsole console, IReadOnlyList<Outbox.Delivery> deliveries)
    {
        foreach (var delivery in deliveries)
        {
            if (delivery.Error is { } error)
            {
                var retry = delivery.NextAttemptAt is { } next ? $"; retrying after {next.UtcDateTime:yyyy-MM-dd HH:mm} UTC" : "";
                console.MarkupLineInterpolated($"[yellow]Not delivered[/] '{delivery.Subject}' to {delivery.To}: {error}{retry}");
            }
            else if (delivery.DeliveredAs is { } path && !path.StartsWith("smtp ", StringComparison.Ordinal))
            {
                console.MarkupLineInterpolated($"[yellow]No SMTP server set[/]: '{delivery.Subject}' to {delivery.To} was written to {path}; send it from your mail program, or set smtpHost with 'gigzilla settings set smtpHost HOST'");
            }
            else
            {
                console.MarkupLineInterpolated($"[green]Mailed[/] '{delivery.Subject}' to {delivery.To}");
            }
        }
    }

    private static void Warn(IAnsiConsole console, string? warning)
    {
        if (warning is not null)
        {
            console.MarkupLineInterpolated($"[yellow]Note[/]: {warning}");
        }
    }
}
