using Keel.Gigzilla.Projects;
using Keel.Gigzilla.Store;

namespace Keel.Gigzilla.Invoices;

/// <summary>A draft invoice for a project's amount. A project has at most one invoice that is not cancelled.</summary>
internal static class CreateInvoice
{
    public static Outcome<Invoice> Run(GigzillaStore store, string projectReference) =>
        store.Write(() =>
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
                INSERT INTO invoices (id, project_id, client_id, amount, currency, status, created_date)
                VALUES ($id, $project, $client, $amount, $currency, 'draft', $today)
                """,
                ("$id", id),
                ("$project", project.Id),
                ("$client", project.ClientId),
                ("$amount", amount),
                ("$currency", project.Currency),
                ("$today", store.Today));
            return (Outcome<Invoice>)store.Query($"{Invoice.SelectSql} WHERE i.id = $id", Invoice.Read, ("$id", id))[0];
        });
}
