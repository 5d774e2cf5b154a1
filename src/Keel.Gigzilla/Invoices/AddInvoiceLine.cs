using Keel.Gigzilla.Store;

namespace Keel.Gigzilla.Invoices;

/// <summary>Adds a line to a draft invoice and recomputes its totals; a sent invoice is locked.</summary>
internal static class AddInvoiceLine
{
    public sealed record Request(string Invoice, string Description, decimal Quantity, decimal UnitPrice, decimal? VatRate = null);

    public static Outcome<Invoice> Run(GigzillaStore store, Request request)
    {
        if (request.Description.Trim().Length == 0)
        {
            return new Failure("a line needs a description");
        }

        if (request.Quantity <= 0)
        {
            return new Failure($"the quantity must be positive, not {request.Quantity}");
        }

        if (request.UnitPrice < 0)
        {
            return new Failure($"the unit price {request.UnitPrice} is negative; correct a sent invoice with a credit note instead");
        }

        return store.Write(() =>
        {
            var found = FindInvoice.Run(store, request.Invoice);
            if (found.Value is not { } invoice)
            {
                return found;
            }

            if (invoice.Status != InvoiceStatus.Draft)
            {
                return new Failure($"invoice {invoice.Label} is {invoice.Status.ToStored()} and locked; correct it with 'gigzilla invoice credit'");
            }

            var lines = InvoiceTotals.LoadLines(store, invoice.Id);
            var rate = request.VatRate ?? (lines.Count > 0 ? lines[^1].VatRate : 0m);
            if (InvoiceTotals.RateProblem(rate, invoice.ReverseCharge) is { } problem)
            {
                return new Failure(problem);
            }

            store.Execute(
                """
                INSERT INTO invoice_lines (id, invoice_id, position, description, quantity, unit_price, vat_rate)
                VALUES ($id, $invoice, $position, $description, $quantity, $price, $rate)
                """,
                ("$id", StoredValues.NewId()),
                ("$invoice", invoice.Id),
                ("$position", lines.Count == 0 ? 1 : lines[^1].Position + 1),
                ("$description", request.Description.Trim()),
                ("$quantity", request.Quantity),
                ("$price", request.UnitPrice),
                ("$rate", rate));
            var totals = InvoiceTotals.Update(store, invoice.Id);
            return invoice with { NetAmount = totals.Net, VatAmount = totals.VatTotal, Amount = totals.Total };
        });
    }
}
