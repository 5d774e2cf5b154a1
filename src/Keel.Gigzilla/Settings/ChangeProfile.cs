using System.Text.Json;
using System.Text.Json.Nodes;
using Keel.Gigzilla.Store;

namespace Keel.Gigzilla.Settings;

/// <summary>Sets one profile field by its name (<c>name</c>, <c>email</c>, <c>bankDetails</c>, <c>brandColor</c>, ...); an empty value clears it.</summary>
internal static class ChangeProfile
{
    public static IReadOnlyList<string> Names { get; } =
        JsonSerializer.SerializeToNode(new Profile(), SettingsDocuments.Json)!.AsObject().Select(pair => pair.Key).ToList();

    public static Outcome<Profile> Run(GigzillaStore store, string name, string value)
    {
        var key = Names.FirstOrDefault(key => key.Equals(name, StringComparison.OrdinalIgnoreCase));
        if (key is null)
        {
            return new Failure($"unknown profile field '{name}'; use one of {string.Join(", ", Names)}");
        }

        value = value.Replace("\\n", "\n", StringComparison.Ordinal).Trim();
        var problem = key switch
        {
            "email" or "paypalEmail" when value.Length > 0 && (!value.Contains('@', StringComparison.Ordinal) || !MimeKit.MailboxAddress.TryParse(value, out _)) => $"'{value}' is not an email address",
            "brandColor" when value.Length > 0 && !SkiaSharp.SKColor.TryParse(value, out _) => $"'{value}' is not a colour such as #2B59C3",
            "countryCode" when value.Length > 0 && (value.Length != 2 || !value.All(char.IsAsciiLetter)) => $"'{value}' is not a two-letter country code such as DE",
            "logo" when value.Length > 0 && !value.StartsWith("data:", StringComparison.Ordinal) && !File.Exists(value) => $"no logo file at '{value}'",
            _ => null,
        };
        if (problem is not null)
        {
            return new Failure(problem);
        }

        var profile = JsonSerializer.SerializeToNode(SettingsDocuments.LoadProfile(store), SettingsDocuments.Json)!.AsObject();
        profile[key] = key == "countryCode" ? value.ToUpperInvariant() : key == "logo" && value.Length > 0 && !value.StartsWith("data:", StringComparison.Ordinal) ? Path.GetFullPath(value) : value.Length == 0 && key is not ("name" or "email") ? null : JsonValue.Create(value);
        var changed = profile.Deserialize<Profile>(SettingsDocuments.Json)!;
        SettingsDocuments.SaveProfile(store, changed);
        return changed;
    }
}
