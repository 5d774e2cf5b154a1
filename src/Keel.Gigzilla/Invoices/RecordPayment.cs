using Keel.Gigzilla.Store;

namespace Keel.Gigzilla.Invoices;

/// <summary>
/// Records money received against a sent invoice, in its currency. A part payment makes the invoice partial; the
/// last one makes it paid and its project paid. Paying more than is still due is refused.
/// </summary>
internal static class RecordPayment
{
    public sealed record Request(string Invoice, decimal Amount, DateOnly? Date = null, string Method = PaymentMethod.Default, string? Currency = null);

    public static Outcome<Invoice> Run(GigzillaStore store, Request request)
    {
        if (request.Amount <= 0)
        {
            return new Failure($"the amount must be positive, not {request.Amount}");
        }

        if (!PaymentMethod.All.Contains(request.Method))
        {
            return new Failure($"unknown payment method '{request.Method}'; use one of {string.Join(", ", PaymentMethod.All)}");
        }

        var today = store.Today;
        var date = request.Date ?? today;
        if (date > today)
        {
            return new Failure($"the payment date {StoredValues.Date(date)} is in the future");
        }

        return store.Write(() =>
        {
            var found = FindInvoice.Run(store, request.Invoice);
            if (found.Value is not { } invoice)
            {
                return found;
            }

            switch (invoice.Status)
            {
                case InvoiceStatus.Draft:
                    return new Failure($"invoice {invoice.Label} is still a draft: send it first with 'gigzilla invoice send'");
                case InvoiceStatus.Paid or InvoiceStatus.Cancelled:
                    return new Failure($"invoice {invoice.Label} is {invoice.Status.ToStored()}; it takes no more payments");
            }

            if (request.Currency is { } currency && !string.Equals(currency, invoice.Currency, StringComparison.OrdinalIgnoreCase))
            {
                return new Failure($"invoice {invoice.Label} is in {invoice.Currency}, not {currency.ToUpperInvariant()}; record the amount received in {invoice.Currency}");
            }

            if (request.Amount > invoice.Remaining.Amount)
            {
                return new Failure($"{new Money(request.Amount, invoice.Currency)} is more than the {invoice.Remaining} still due on invoice {invoice.Label}");
            }

            store.Execute(
                """
                INSERT INTO payments (id, invoice_id, amount, currency, method, received_date)
                VALUES ($id, $invoice, $amount, $currency, $method, $date)
                """,
                ("$id", StoredValues.NewId()),
                ("$invoice", invoice.Id),
                ("$amount", request.Amount),
                ("$currency", invoice.Currency),
                ("$method", request.Method),
                ("$date", date));

            var paid = invoice.PaidAmount + request.Amount;
            var status = paid + invoice.CreditedAmount == invoice.Amount ? InvoiceStatus.Paid : InvoiceStatus.Partial;
            DateOnly? paidDate = status == InvoiceStatus.Paid ? date : null;
            store.Execute(
                "UPDATE invoices SET paid_amount = $paid, status = $status, paid_date = $paidDate WHERE id = $id",
                ("$paid", paid),
                ("$status", status.ToStored()),
                ("$paidDate", paidDate),
                ("$id", invoice.Id));
            if (status == InvoiceStatus.Paid)
            {
                store.Execute(
                    "UPDATE projects SET status = 'paid', updated_at = $now WHERE id = $id",
                    ("$now", store.Timestamp()),
                    ("$id", invoice.ProjectId));
            }

            return invoice with { PaidAmount = paid, Status = status, PaidDate = paidDate };
        });
    }
}
