using Keel.Gigzilla.Store;

namespace Keel.Gigzilla.Clients;

/// <summary>The names of the stored clients, as the quick-entry parser's known clients.</summary>
internal static class StoredClientNames
{
    public static IReadOnlyCollection<string> Load(GigzillaStore store) =>
        store.Query("SELECT name FROM clients ORDER BY name", reader => reader.GetString(0));
}
