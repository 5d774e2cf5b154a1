using Keel.Gigzilla.Store;

namespace Keel.Gigzilla.Clients;

/// <summary>The client with this name, ignoring case, or a new one with the default reminder strategy.</summary>
internal static class FindOrCreateClient
{
    public static Client Run(GigzillaStore store, string name)
    {
        name = name.Trim();
        var existing = store.Query(
            "SELECT id, name, email, reminder_strategy FROM clients WHERE name = $name COLLATE NOCASE",
            reader => new Client(reader.GetString(0), reader.GetString(1), reader.NullableString(2), reader.GetString(3)),
            ("$name", name));
        if (existing.Count > 0)
        {
            return existing[0];
        }

        var strategy = Settings.SettingsDocuments.LoadSettings(store).DefaultReminderStrategy;
        var client = new Client(StoredValues.NewId(), name, null, strategy);
        var now = store.Timestamp();
        store.Execute(
            """
            INSERT INTO clients (id, name, reminder_strategy, created_at, updated_at)
            VALUES ($id, $name, $strategy, $now, $now)
            """,
            ("$id", client.Id),
            ("$name", client.Name),
            ("$strategy", client.ReminderStrategy),
            ("$now", now));
        return client;
    }
}
