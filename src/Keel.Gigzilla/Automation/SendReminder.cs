using Keel.Gigzilla.Invoices;
using Keel.Gigzilla.Mail;
using Keel.Gigzilla.Store;

namespace Keel.Gigzilla.Automation;

/// <summary>
/// Puts a payment reminder for an unpaid invoice in the outbox and records it. <see cref="Now"/> is the user's
/// "remind now" (<c>gigzilla remind</c>), outside the schedule; the engine sends scheduled levels.
/// </summary>
internal static class SendReminder
{
    public sealed record Queued(Invoice Invoice, string Template, string To, string? Warning);

    public static Outcome<Queued> Now(GigzillaStore store, string invoiceReference) =>
        store.Write(() =>
        {
            var found = FindInvoice.Run(store, invoiceReference);
            if (found.Value is not { } invoice)
            {
                return found.Failure!;
            }

            if (invoice.Status is not (InvoiceStatus.Sent or InvoiceStatus.Partial))
            {
                return new Failure(invoice.Status == InvoiceStatus.Draft
                    ? $"invoice {invoice.Label} has not been sent yet: gigzilla invoice send {invoice.Label}"
                    : $"invoice {invoice.Label} is {invoice.Status.ToStored()}: there is nothing to remind");
            }

            var today = store.Today;
            var template = ReminderPlan.Template(today.DayNumber - (invoice.DueDate ?? today).DayNumber);
            return Queue(store, invoice, template, level: null);
        });

    /// <summary>Composes and queues the reminder; call inside a transaction.</summary>
    internal static Outcome<Queued> Queue(GigzillaStore store, Invoice invoice, string template, int? level)
    {
        var today = store.Today;
        var (subject, body) = ReminderPlan.Text(template, invoice, today);
        var composed = InvoiceMail.Compose(store, invoice, OutgoingMail.ReminderPurpose, subject, body);
        if (composed.Value is not { } value)
        {
            return composed.Failure!;
        }

        Outbox.Queue(store, value.Mail);
        store.Execute(
            """
            INSERT INTO reminders (id, invoice_id, template_type, scheduled_date, sent_date, status, level)
            VALUES ($id, $invoice, $template, $today, $today, 'sent', $level)
            """,
            ("$id", StoredValues.NewId()),
            ("$invoice", invoice.Id),
            ("$template", template),
            ("$today", today),
            ("$level", level));
        return new Queued(invoice, template, value.Mail.To, value.Warning);
    }

    /// <summary>The reminders recorded for an invoice, oldest first: template, date, status and level.</summary>
    public static IReadOnlyList<(string Template, DateOnly Date, string Status, int? Level)> History(GigzillaStore store, string invoiceId) =>
        store.Query(
            "SELECT template_type, scheduled_date, status, level FROM reminders WHERE invoice_id = $id ORDER BY scheduled_date, level",
            reader => (reader.GetString(0), reader.Date(1), reader.GetString(2), reader.IsDBNull(3) ? (int?)null : reader.GetInt32(3)),
            ("$id", invoiceId));
}
