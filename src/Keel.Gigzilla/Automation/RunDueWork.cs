using Keel.Gigzilla.Backups;
using Keel.Gigzilla.Invoices;
using Keel.Gigzilla.Mail;
using Keel.Gigzilla.Settings;
using Keel.Gigzilla.Store;

namespace Keel.Gigzilla.Automation;

/// <summary>
/// The automation engine's one entry point: does everything due at the store clock's now, then returns what it did.
/// The app calls it on a timer (every few minutes is plenty), the CLI with <c>gigzilla run-due</c>; running it again
/// at once does nothing more, so callers need no bookkeeping. In order: auto-invoices whose time has come, the
/// reminders due by each client's strategy (both held back during quiet hours), the scheduled backup, and delivery
/// of the outbox. After days offline, each invoice gets only the highest reminder level now due, once; the levels
/// it jumped over are recorded as skipped.
/// </summary>
internal static class RunDueWork
{
    public sealed record Report(
        IReadOnlyList<(string Project, InvoiceMail.Composed Mail)> InvoicesSent,
        IReadOnlyList<SendReminder.Queued> Reminders,
        IReadOnlyList<string> Problems,
        CreateBackup.Result? Backup,
        IReadOnlyList<Outbox.Delivery> Deliveries,
        bool QuietHours)
    {
        public bool DidNothing => InvoicesSent.Count == 0 && Reminders.Count == 0 && Problems.Count == 0 && Backup is null && Deliveries.Count == 0;
    }

    public static async Task<Report> RunAsync(GigzillaStore store, CancellationToken cancellationToken = default)
    {
        var settings = SettingsDocuments.LoadSettings(store);
        var quiet = QuietHours.Contains(settings, store.Clock.GetLocalNow());
        var invoices = new List<(string, InvoiceMail.Composed)>();
        var reminders = new List<SendReminder.Queued>();
        var problems = new List<string>();
        if (!quiet)
        {
            foreach (var scheduled in AutoInvoices.ListScheduled(store).Where(scheduled => scheduled.DueAt <= store.Clock.GetUtcNow()))
            {
                cancellationToken.ThrowIfCancellationRequested();
                var fired = AutoInvoices.Fire(store, scheduled);
                if (fired.Value is { } composed)
                {
                    invoices.Add((scheduled.ProjectTitle, composed));
                }
                else
                {
                    problems.Add($"auto-invoice for {scheduled.ProjectTitle} not sent: {fired.Failure!.Message}");
                }
            }

            if (settings.ReminderEnabled)
            {
                QueueDueReminders(store, settings, reminders, problems, cancellationToken);
            }
        }

        CreateBackup.Result? backup = null;
        try
        {
            backup = ScheduledBackup.RunIfDue(store, settings);
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
        {
            problems.Add($"scheduled backup failed: {exception.Message}");
        }

        var deliveries = await Outbox.DeliverDueAsync(store, cancellationToken);
        return new Report(invoices, reminders, problems, backup, deliveries, quiet);
    }

    private static void QueueDueReminders(GigzillaStore store, WorkspaceSettings settings, List<SendReminder.Queued> reminders, List<string> problems, CancellationToken cancellationToken)
    {
        var today = store.Today;
        var open = store.Query(
            """
            SELECT i.id, COALESCE(c.reminder_strategy, $default), (SELECT MAX(level) FROM reminders r WHERE r.invoice_id = i.id)
            FROM invoices i LEFT JOIN clients c ON c.id = i.client_id
            WHERE i.status IN ('sent', 'partial') AND i.due_date IS NOT NULL
            """,
            reader => (Id: reader.GetString(0), Strategy: reader.GetString(1), LastLevel: reader.IsDBNull(2) ? (int?)null : reader.GetInt32(2)),
            ("$default", settings.DefaultReminderStrategy));
        foreach (var (id, strategy, lastLevel) in open)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var invoice = store.Query($"{Invoice.SelectSql} WHERE i.id = $id", Invoice.Read, ("$id", id))[0];
            if (ReminderPlan.Due(ReminderPlan.For(strategy, settings), invoice.DueDate!.Value, today, lastLevel) is not { } level)
            {
                continue;
            }

            var queued = store.Write(() =>
            {
                for (var skipped = (lastLevel ?? -1) + 1; skipped < level.Index; skipped++)
                {
                    store.Execute(
                        """
                        INSERT INTO reminders (id, invoice_id, template_type, scheduled_date, status, cancel_reason, level)
                        VALUES ($id, $invoice, $template, $today, 'cancelled', 'skipped: a later reminder was already due', $level)
                        """,
                        ("$id", StoredValues.NewId()),
                        ("$invoice", id),
                        ("$template", ReminderPlan.For(strategy, settings)[skipped].Template),
                        ("$today", today),
                        ("$level", skipped));
                }

                return SendReminder.Queue(store, invoice, level.Template, level.Index);
            });
            if (queued.Value is { } reminder)
            {
                reminders.Add(reminder);
            }
            else
            {
                problems.Add($"reminder for {invoice.Label} not sent: {queued.Failure!.Message}");
            }
        }
    }
}
