using System.Text.Json;
using Keel.Gigzilla.Store;

namespace Keel.Gigzilla.App.Web.License;

/// <summary>Keeps the <see cref="LicenseRecord"/> in the store's own file, in a table of the app's.</summary>
internal static class LicenseStorage
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public static LicenseRecord? Load(GigzillaStore store)
    {
        Ensure(store);
        return store.Scalar("SELECT json FROM app_license WHERE id = 1") is string json ? JsonSerializer.Deserialize<LicenseRecord>(json, Json) : null;
    }

    public static void Save(GigzillaStore store, LicenseRecord record)
    {
        Ensure(store);
        store.Write<bool>(() =>
        {
            store.Execute(
                "INSERT INTO app_license (id, json) VALUES (1, $json) ON CONFLICT (id) DO UPDATE SET json = excluded.json",
                ("$json", JsonSerializer.Serialize(record, Json)));
            return true;
        });
    }

    private static void Ensure(GigzillaStore store) =>
        store.Execute("CREATE TABLE IF NOT EXISTS app_license (id INTEGER PRIMARY KEY CHECK (id = 1), json TEXT NOT NULL)");
}
