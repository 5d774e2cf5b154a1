using System.Text.Json;
using Keel.Gigzilla.Store;

namespace Keel.Gigzilla.Settings;

/// <summary>Reads and writes the settings and profile documents; a store without one reads the defaults.</summary>
internal static class SettingsDocuments
{
    internal static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { WriteIndented = false };

    public static WorkspaceSettings LoadSettings(GigzillaStore store) => Load<WorkspaceSettings>(store, "settings") ?? new WorkspaceSettings();

    public static void SaveSettings(GigzillaStore store, WorkspaceSettings settings) => Save(store, "settings", settings);

    public static Profile LoadProfile(GigzillaStore store) => Load<Profile>(store, "profile") ?? new Profile();

    public static void SaveProfile(GigzillaStore store, Profile profile) => Save(store, "profile", profile);

    private static T? Load<T>(GigzillaStore store, string table)
        where T : class =>
        store.Scalar($"SELECT json FROM {table} WHERE id = 1") is string json ? JsonSerializer.Deserialize<T>(json, Json) : null;

    private static void Save<T>(GigzillaStore store, string table, T document) =>
        store.Write<bool>(() =>
        {
            store.Execute(
                $"INSERT INTO {table} (id, json) VALUES (1, $json) ON CONFLICT (id) DO UPDATE SET json = excluded.json",
                ("$json", JsonSerializer.Serialize(document, Json)));
            return true;
        });
}
