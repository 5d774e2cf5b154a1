using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using Keel.Gigzilla.Invoices;
using Keel.Gigzilla.Store;

namespace Keel.Gigzilla.Settings;

/// <summary>
/// Sets one simple setting by its seed-001 name (<c>invoiceDueDays</c>, <c>currency</c>, ...), checking the value's
/// type and the rules a bad value would break: an ISO currency, a numbering format that cannot repeat, positive counts.
/// </summary>
internal static class ChangeSetting
{
    public static Outcome<WorkspaceSettings> Run(GigzillaStore store, string name, string value)
    {
        var current = JsonSerializer.SerializeToNode(SettingsDocuments.LoadSettings(store), SettingsDocuments.Json)!.AsObject();
        var key = current.Select(pair => pair.Key).FirstOrDefault(key => key.Equals(name, StringComparison.OrdinalIgnoreCase));
        if (key is null)
        {
            return new Failure($"unknown setting '{name}'; run 'gigzilla settings' to list them");
        }

        JsonNode? node = current[key]?.GetValueKind() switch
        {
            JsonValueKind.Number when int.TryParse(value, NumberStyles.Integer, CultureInfo.InvariantCulture, out var number) => JsonValue.Create(number),
            JsonValueKind.True or JsonValueKind.False when bool.TryParse(value, out var flag) => JsonValue.Create(flag),
            JsonValueKind.String => JsonValue.Create(value),
            _ => null,
        };
        if (node is null)
        {
            return new Failure($"setting {key} takes {Describe(current[key]?.GetValueKind())}, not '{value}'");
        }

        current[key] = node;
        var changed = current.Deserialize<WorkspaceSettings>(SettingsDocuments.Json)!;
        var problem = key switch
        {
            "currency" when value.Length != 3 || !value.All(char.IsAsciiLetterUpper) => $"currency '{value}' is not an ISO code such as EUR or USD",
            "invoiceNumberFormat" or "invoiceResetYearly" => InvoiceNumberFormat.Problem(changed.InvoiceNumberFormat, changed.InvoiceResetYearly),
            "invoiceStartNumber" or "backupKeepCount" when changed is { InvoiceStartNumber: < 1 } or { BackupKeepCount: < 1 } => $"{key} must be at least 1",
            "invoiceDueDays" or "autoInvoiceDelay" or "paymentCheckInterval" when int.Parse(value, CultureInfo.InvariantCulture) < 0 => $"{key} cannot be negative",
            _ => null,
        };
        if (problem is not null)
        {
            return new Failure(problem);
        }

        SettingsDocuments.SaveSettings(store, changed);
        return changed;
    }

    private static string Describe(JsonValueKind? kind) => kind switch
    {
        JsonValueKind.Number => "a whole number",
        JsonValueKind.True or JsonValueKind.False => "true or false",
        _ => "a list or table that 'gigzilla settings set' cannot change",
    };
}
