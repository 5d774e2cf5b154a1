using Keel.Gigzilla.Clients;
using Keel.Gigzilla.QuickEntry;
using Keel.Gigzilla.Store;

namespace Keel.Gigzilla.Projects;

/// <summary>Saves a quick entry as a project to start, creating its client when the name is new.</summary>
internal static class AddProject
{
    public static Outcome<Project> Run(GigzillaStore store, ParsedQuickEntry entry)
    {
        if (entry.Title.Length == 0)
        {
            return new Failure("no project title in that line: say what the work is, e.g. \"Logo for Acme Corp, €1,500, 2 weeks\"");
        }

        if (entry.Amount is < 0)
        {
            return new Failure($"the amount {entry.Amount} is negative; a project's amount is what the client pays you");
        }

        return store.Write(() =>
        {
            string? clientId = null;
            if (entry.Client is { } clientName)
            {
                clientId = FindOrCreateClient.Run(store, clientName).Id;
            }

            var id = StoredValues.NewId();
            var now = store.Timestamp();
            store.Execute(
                """
                INSERT INTO projects (id, client_id, title, amount, currency, status, deadline, created_at, updated_at)
                VALUES ($id, $client, $title, $amount, $currency, 'to_start', $deadline, $now, $now)
                """,
                ("$id", id),
                ("$client", clientId),
                ("$title", entry.Title),
                ("$amount", entry.Amount),
                ("$currency", entry.Currency),
                ("$deadline", entry.Deadline),
                ("$now", now));
            return (Outcome<Project>)store.Query($"{Project.SelectSql} WHERE p.id = $id", Project.Read, ("$id", id))[0];
        });
    }
}
