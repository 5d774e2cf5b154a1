using Keel.Gigzilla.Settings;
using Keel.Gigzilla.Store;

namespace Keel.Gigzilla.Invoices;

/// <summary>
/// Corrects a sent invoice with a credit note, for the whole invoice or part of it. An invoice left with nothing
/// due becomes paid when something was paid, else cancelled. The credit note takes the next number.
/// </summary>
internal static class IssueCreditNote
{
    public sealed record Request(string Invoice, string Reason, decimal? Amount = null);

    public static Outcome<(CreditNote Note, Invoice Invoice)> Run(GigzillaStore store, Request request)
    {
        if (request.Reason.Trim().Length == 0)
        {
            return new Failure("a credit note needs a reason, e.g. --reason \"Wrong hourly rate\"");
        }

        return store.Write<(CreditNote, Invoice)>(() =>
        {
            var found = FindInvoice.Run(store, request.Invoice);
            if (found.Value is not { } invoice)
            {
                return found.Failure!;
            }

            if (invoice.Status is InvoiceStatus.Draft or InvoiceStatus.Cancelled)
            {
                return new Failure(invoice.Status == InvoiceStatus.Draft
                    ? $"invoice {invoice.Label} is a draft: change its lines instead of crediting it"
                    : $"invoice {invoice.Label} is cancelled; there is nothing left to credit");
            }

            var creditable = invoice.Amount - invoice.CreditedAmount;
            var amount = request.Amount ?? creditable;
            if (amount <= 0)
            {
                return new Failure($"the amount must be positive, not {amount}");
            }

            if (amount > creditable)
            {
                return new Failure($"{new Money(amount, invoice.Currency)} is more than the {new Money(creditable, invoice.Currency)} of invoice {invoice.Label} not yet credited");
            }

            var today = store.Today;
            var numbered = InvoiceNumbering.Next(store, SettingsDocuments.LoadSettings(store), today);
            if (numbered.Value is not { } number)
            {
                return numbered.Failure!;
            }

            var note = new CreditNote(StoredValues.NewId(), number, invoice.Id, new Money(amount, invoice.Currency), request.Reason.Trim(), today);
            store.Execute(
                """
                INSERT INTO credit_notes (id, number, invoice_id, amount, currency, reason, issued_date)
                VALUES ($id, $number, $invoice, $amount, $currency, $reason, $today)
                """,
                ("$id", note.Id),
                ("$number", note.Number),
                ("$invoice", invoice.Id),
                ("$amount", amount),
                ("$currency", invoice.Currency),
                ("$reason", note.Reason),
                ("$today", today));

            var credited = invoice with { CreditedAmount = invoice.CreditedAmount + amount };
            if (credited.Remaining.Amount <= 0 && credited.Status is InvoiceStatus.Sent or InvoiceStatus.Partial)
            {
                credited = credited.PaidAmount > 0
                    ? credited with { Status = InvoiceStatus.Paid, PaidDate = today }
                    : credited with { Status = InvoiceStatus.Cancelled };
            }

            store.Execute(
                "UPDATE invoices SET credited_amount = $credited, status = $status, paid_date = $paidDate WHERE id = $id",
                ("$credited", credited.CreditedAmount),
                ("$status", credited.Status.ToStored()),
                ("$paidDate", credited.PaidDate),
                ("$id", invoice.Id));
            if (credited.Status == InvoiceStatus.Paid && invoice.Status != InvoiceStatus.Paid)
            {
                store.Execute("UPDATE projects SET status = 'paid', updated_at = $now WHERE id = $id", ("$now", store.Timestamp()), ("$id", invoice.ProjectId));
            }

            return (note, credited);
        });
    }

    public static IReadOnlyList<CreditNote> ForInvoice(GigzillaStore store, string invoiceId) =>
        store.Query(
            "SELECT id, number, invoice_id, amount, currency, reason, issued_date FROM credit_notes WHERE invoice_id = $id ORDER BY number",
            reader => new CreditNote(reader.GetString(0), reader.GetString(1), reader.GetString(2), new Money(reader.Amount(3), reader.GetString(4)), reader.GetString(5), reader.Date(6)),
            ("$id", invoiceId));
}
