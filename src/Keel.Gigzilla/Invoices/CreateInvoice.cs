using Keel.Gigzilla.Projects;
using Keel.Gigzilla.Store;

namespace Keel.Gigzilla.Invoices;

/// <summary>
/// A draft invoice for a project: one line for the project's amount (net) at the given VAT rate, or reverse
/// charged without VAT. A project has at most one invoice that is not cancelled.
/// </summary>
internal static class CreateInvoice
{
    public static Outcome<Invoice> Run(GigzillaStore store, string projectReference, decimal vatRate = 0m, bool reverseCharge = false)
    {
        if (InvoiceTotals.RateProblem(vatRate, reverseCharge) is { } problem)
        {
            return new Failure(problem);
        }

        return store.Write(() =>
        {
            var found = FindProject.Run(store, projectReference);
            if (found.Value is not { } project)
            {
                return found.Failure!;
            }

            if (project.Amount is not { } amount || amount <= 0)
            {
                return new Failure($"project {project.ShortId} '{project.Title}' has no amount to invoice");
            }

            var existing = store.Scalar(
                "SELECT COALESCE(number, 'draft ' || substr(id, 1, 8)) FROM invoices WHERE project_id = $project AND status <> 'cancelled'",
                ("$project", project.Id));
            if (existing is string label)
            {
                return new Failure($"project {project.ShortId} '{project.Title}' already has invoice {label}");
            }

            var id = StoredValues.NewId();
            store.Execute(
                """
                INSERT INTO invoices (id, project_id, client_id, amount, net_amount, currency, status, created_date, reverse_charge)
                VALUES ($id, $project, $client, $amount, $amount, $currency, 'draft', $today, $reverseCharge)
                """,
                ("$id", id),
                ("$project", project.Id),
                ("$client", project.ClientId),
                ("$amount", amount),
                ("$currency", project.Currency),
                ("$today", store.Today),
                ("$reverseCharge", reverseCharge));
            store.Execute(
                """
                INSERT INTO invoice_lines (id, invoice_id, position, description, quantity, unit_price, vat_rate)
                VALUES ($id, $invoice, 1, $description, '1', $amount, $rate)
                """,
                ("$id", StoredValues.NewId()),
                ("$invoice", id),
                ("$description", project.Title),
                ("$amount", amount),
                ("$rate", vatRate));
            InvoiceTotals.Update(store, id);
            return (Outcome<Invoice>)store.Query($"{Invoice.SelectSql} WHERE i.id = $id", Invoice.Read, ("$id", id))[0];
        });
    }
}
