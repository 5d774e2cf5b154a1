using System.Globalization;
using Keel.Gigzilla.Settings;
using Keel.Gigzilla.Store;

namespace Keel.Gigzilla.Invoices;

/// <summary>
/// Sends a draft: gives it the next number from the settings' format, dates it today and sets the due date
/// <c>invoiceDueDays</c> later. From then on the invoice is locked. A number is never given twice, even when the
/// invoice is later cancelled, and the sequence restarts at <c>invoiceStartNumber</c> each year when asked.
/// </summary>
internal static class SendInvoice
{
    public static Outcome<Invoice> Run(GigzillaStore store, string invoiceReference) =>
        store.Write(() =>
        {
            var found = FindInvoice.Run(store, invoiceReference);
            if (found.Value is not { } invoice)
            {
                return found;
            }

            if (invoice.Status != InvoiceStatus.Draft)
            {
                return new Failure($"invoice {invoice.Label} is already {invoice.Status.ToStored()}; a sent invoice is locked and corrected with a credit note");
            }

            var settings = SettingsDocuments.LoadSettings(store);
            if (InvoiceNumberFormat.Problem(settings.InvoiceNumberFormat, settings.InvoiceResetYearly) is { } problem)
            {
                return new Failure(problem);
            }

            var today = store.Today;
            var period = settings.InvoiceResetYearly ? today.Year : 0;
            var last = store.Scalar("SELECT last_number FROM invoice_number_counters WHERE period = $period", ("$period", period)) is long value ? value : 0;
            var sequence = (int)Math.Max(last + 1, settings.InvoiceStartNumber);
            var number = InvoiceNumberFormat.Render(settings.InvoiceNumberFormat, today, sequence);
            if (store.Scalar("SELECT 1 FROM invoices WHERE number = $number", ("$number", number)) is not null)
            {
                return new Failure($"invoice number {number} is already taken; raise invoiceStartNumber or change invoiceNumberFormat");
            }

            store.Execute(
                "INSERT INTO invoice_number_counters (period, last_number) VALUES ($period, $sequence) ON CONFLICT (period) DO UPDATE SET last_number = excluded.last_number",
                ("$period", period),
                ("$sequence", sequence));
            var due = today.AddDays(settings.InvoiceDueDays);
            store.Execute(
                "UPDATE invoices SET number = $number, status = 'sent', sent_date = $today, due_date = $due WHERE id = $id AND status = 'draft'",
                ("$number", number),
                ("$today", today),
                ("$due", due),
                ("$id", invoice.Id));
            return invoice with { Number = number, Status = InvoiceStatus.Sent, SentDate = today, DueDate = due };
        });

    /// <summary>"due Mar 1".</summary>
    public static string DueText(DateOnly due) => $"due {due.ToString("MMM d", CultureInfo.InvariantCulture)}";
}
