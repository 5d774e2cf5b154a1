using Keel.Gigzilla.Clients;
using Keel.Gigzilla.Store;

namespace Keel.Gigzilla.Projects;

/// <summary>
/// Corrects what a quick entry understood (seed 000's [Edit]): title, client, amount, currency, deadline. Once an
/// invoice has been issued for the project its amount and currency stay as billed; a credit note corrects the invoice.
/// </summary>
internal static class EditProject
{
    public sealed record Changes(string Title, string? Client, decimal? Amount, string Currency, DateOnly? Deadline);

    public static Outcome<Project> Run(GigzillaStore store, string reference, Changes changes)
    {
        var title = changes.Title.Trim();
        var currency = changes.Currency.Trim().ToUpperInvariant();
        if (title.Length == 0)
        {
            return new Failure("a project needs a title");
        }

        if (changes.Amount is < 0)
        {
            return new Failure($"the amount {changes.Amount} is negative; a project's amount is what the client pays you");
        }

        if (currency.Length != 3 || !currency.All(char.IsAsciiLetterUpper))
        {
            return new Failure($"'{changes.Currency}' is not an ISO currency code such as EUR, USD or GBP");
        }

        return store.Write(() =>
        {
            var found = FindProject.Run(store, reference);
            if (found.Value is not { } project)
            {
                return found;
            }

            var invoiced = store.Scalar(
                "SELECT COUNT(*) FROM invoices WHERE project_id = $id AND status <> 'draft' AND status <> 'cancelled'",
                ("$id", project.Id)) is > 0L;
            if (invoiced && (changes.Amount != project.Amount || currency != project.Currency))
            {
                return new Failure($"project {project.ShortId} '{project.Title}' has been invoiced; correct the amount with a credit note");
            }

            var clientId = changes.Client is { Length: > 0 } name && name.Trim().Length > 0
                ? FindOrCreateClient.Run(store, name.Trim()).Id
                : null;
            store.Execute(
                """
                UPDATE projects SET title = $title, client_id = $client, amount = $amount, currency = $currency,
                       deadline = $deadline, updated_at = $now
                WHERE id = $id
                """,
                ("$title", title),
                ("$client", clientId),
                ("$amount", changes.Amount),
                ("$currency", currency),
                ("$deadline", changes.Deadline),
                ("$now", store.Timestamp()),
                ("$id", project.Id));
            return (Outcome<Project>)store.Query($"{Project.SelectSql} WHERE p.id = $id", Project.Read, ("$id", project.Id))[0];
        });
    }
}
