using Keel.Gigzilla.Projects;
using Keel.Gigzilla.Store;

namespace Keel.Gigzilla.Invoices;

/// <summary>
/// Finds the one invoice a user means: its number (any case), an id prefix, else the invoices of the project
/// so named (cancelled ones left out). Several matches fail with the candidates.
/// </summary>
internal static class FindInvoice
{
    public static Outcome<Invoice> Run(GigzillaStore store, string reference)
    {
        reference = reference.Trim();
        if (reference.Length == 0)
        {
            return new Failure("missing INVOICE: give its number, an id or the project's title");
        }

        var byNumber = store.Query($"{Invoice.SelectSql} WHERE i.number = $number COLLATE NOCASE", Invoice.Read, ("$number", reference));
        if (byNumber.Count > 0)
        {
            return byNumber[0];
        }

        if (FindProject.IsIdPrefix(reference))
        {
            var byId = store.Query($"{Invoice.SelectSql} WHERE i.id LIKE $prefix || '%'", Invoice.Read, ("$prefix", reference.ToLowerInvariant()));
            if (byId.Count > 0)
            {
                return Single(byId, reference);
            }
        }

        var project = FindProject.Run(store, reference);
        if (project.Value is not { } found)
        {
            return new Failure($"no invoice matches '{reference}': give its number (e.g. INV-2026-001), an id, or a project title");
        }

        var ofProject = store.Query(
            $"{Invoice.SelectSql} WHERE i.project_id = $project AND i.status <> 'cancelled' ORDER BY i.created_date",
            Invoice.Read,
            ("$project", found.Id));
        return ofProject.Count == 0
            ? new Failure($"project {found.ShortId} '{found.Title}' has no invoice yet: create one with 'gigzilla invoice create {found.ShortId}'")
            : Single(ofProject, reference);
    }

    private static Outcome<Invoice> Single(List<Invoice> matches, string reference)
    {
        if (matches.Count == 1)
        {
            return matches[0];
        }

        var candidates = string.Join(", ", matches.Take(5).Select(invoice => $"{StoredValues.ShortId(invoice.Id)} {invoice.Label} {invoice.ProjectTitle}"));
        return new Failure($"'{reference}' matches {matches.Count} invoices: {candidates}; use the number or id");
    }
}
