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
            var today = store.Today;
            var numbered = InvoiceNumbering.Next(store, settings, today);
            if (numbered.Value is not { } number)
            {
                return numbered.Failure!;
            }

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
