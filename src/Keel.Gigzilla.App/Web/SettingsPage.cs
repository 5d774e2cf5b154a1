using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Keel.Gigzilla.App.Web.License;
using Keel.Gigzilla.Backups;
using Keel.Gigzilla.Settings;
using Microsoft.AspNetCore.Http;
using static Keel.Gigzilla.App.Web.Html;

namespace Keel.Gigzilla.App.Web;

/// <summary>
/// Profile, settings and backups. Each field is its own small form that the page script posts as soon as the value
/// changes (Enter posts it without the script), so nothing waits for a "save" button. Settings go through the
/// domain's <see cref="ChangeSetting"/>, which checks every value.
/// </summary>
internal static partial class SettingsPage
{
    private static readonly (string Title, string[] Keys)[] Sections =
    [
        ("Invoices", ["currency", "invoiceNumberFormat", "invoiceStartNumber", "invoiceResetYearly", "invoiceDueDays", "defaultInvoiceTemplate", "eInvoiceFormat"]),
        ("Automation", ["autoInvoiceEnabled", "autoInvoiceDelay", "paymentDetectionEnabled", "paymentCheckInterval"]),
        ("Reminders", ["reminderEnabled", "defaultReminderStrategy", "reminderSchedule"]),
        ("Quiet hours", ["quietHoursEnabled", "quietHoursStart", "quietHoursEnd"]),
        ("Email (SMTP)", ["smtpHost", "smtpPort", "smtpUsername", "smtpPassword", "smtpSecurity"]),
        ("Backups", ["backupEnabled", "backupFrequency", "backupTime", "backupKeepCount"]),
    ];

    public static IResult Get(HttpContext http, Workspace workspace, LicenseGate gate)
    {
        var (settings, profile, backups) = workspace.Use(store => (
            JsonSerializer.SerializeToNode(SettingsDocuments.LoadSettings(store), SettingsDocuments.Json)!.AsObject(),
            JsonSerializer.SerializeToNode(SettingsDocuments.LoadProfile(store), SettingsDocuments.Json)!.AsObject(),
            ListBackups(store.Directory)));
        var listed = Sections.SelectMany(section => section.Keys).ToHashSet();
        var other = settings.Select(pair => pair.Key).Where(key => !listed.Contains(key)).ToArray();
        var sections = string.Concat(Sections.Append(("Other", other)).Where(section => section.Item2.Length > 0).Select(section => $"""
            <section class="panel settings"><h2>{E(section.Item1)}</h2>
            {string.Concat(section.Item2.Where(settings.ContainsKey).Select(key => Field("/settings", key, settings[key])))}
            </section>
            """));
        var profileFields = string.Concat(profile.Select(pair => Field("/settings/profile", pair.Key, pair.Value)));
        var backupRows = string.Concat(backups.Select(name => $"""
            <li><span>{E(name)}</span>
            <form method="post" action="/backups/restore" class="inline"><input type="hidden" name="name" value="{E(name)}"><button class="small" data-confirm="Replace the current data with {E(name)}? The current data is kept aside.">Restore</button></form></li>
            """));
        var body = $"""
            <section class="panel settings" id="profile"><h2>Profile</h2>{profileFields}</section>
            {sections}
            <section class="panel" id="backups"><h2>Backup files</h2>
              <form method="post" action="/backups"><button class="primary">Back up now</button></form>
              <ul class="list">{(backupRows.Length == 0 ? "<li class=\"empty\">No backups yet.</li>" : backupRows)}</ul>
              <p><a class="button" href="/export">Export everything as CSV (zip)</a></p>
            </section>
            """;
        return Layout.Render(http, workspace, gate.Current(), "Settings", "Settings", body);
    }

    public static async Task<IResult> Set(HttpContext http, Workspace workspace)
    {
        var form = await http.Request.ReadFormAsync();
        var name = form["name"].ToString();
        var value = form["value"].Count > 0 ? form["value"][^1] ?? "" : "false";
        if (name.Equals("smtpPassword", StringComparison.OrdinalIgnoreCase) && value.Length > 0)
        {
            // As 'gigzilla settings set smtpPassword' does: stored sealed with this installation's key, never in clear.
            value = Mail.SecretSeal.Seal(workspace.DataDirectory, value);
        }

        var changed = workspace.Use(store => ChangeSetting.Run(store, name, value));
        return Answer(http, changed.Failure?.Message, $"Saved {name}.");
    }

    public static async Task<IResult> SetProfile(HttpContext http, Workspace workspace)
    {
        var form = await http.Request.ReadFormAsync();
        var name = form["name"].ToString();
        var value = form["value"].ToString().Trim();
        var problem = workspace.Use(store =>
        {
            var profile = JsonSerializer.SerializeToNode(SettingsDocuments.LoadProfile(store), SettingsDocuments.Json)!.AsObject();
            var key = profile.Select(pair => pair.Key).FirstOrDefault(key => key.Equals(name, StringComparison.OrdinalIgnoreCase));
            if (key is null)
            {
                return $"unknown profile field '{name}'";
            }

            if (key == "brandColor" && value.Length > 0 && !Colour().IsMatch(value))
            {
                return $"'{value}' is not a colour: write it like #1A73E8";
            }

            profile[key] = value.Length == 0 ? null : JsonValue.Create(value);
            SettingsDocuments.SaveProfile(store, profile.Deserialize<Profile>(SettingsDocuments.Json)!);
            return null;
        });
        return Answer(http, problem, $"Saved {name}.");
    }

    public static async Task<IResult> Backup(HttpContext http, Workspace workspace)
    {
        await http.Request.ReadFormAsync();
        var result = workspace.Use(store =>
        {
            var key = Environment.GetEnvironmentVariable(BackupKey.PassphraseVariable) is { Length: > 0 } passphrase
                ? BackupKey.FromPassphrase(passphrase)
                : BackupKey.ForInstall(store.Directory, create: true)!;
            return CreateBackup.Run(store, key);
        });
        return Back("/settings", $"Backup written: {Path.GetFileName(result.Path)}.");
    }

    public static async Task<IResult> Restore(HttpContext http, Workspace workspace)
    {
        var form = await http.Request.ReadFormAsync();
        var name = Path.GetFileName(form["name"].ToString());
        var path = Path.Combine(workspace.DataDirectory, CreateBackup.FolderName, name);
        var passphrase = Environment.GetEnvironmentVariable(BackupKey.PassphraseVariable);
        var restored = workspace.Closed(() => RestoreBackup.Run(
            workspace.DataDirectory,
            path,
            isPassphrase => isPassphrase
                ? passphrase is { Length: > 0 } ? BackupKey.FromPassphrase(passphrase) : null
                : BackupKey.ForInstall(workspace.DataDirectory, create: false),
            workspace.Clock));
        return restored.Value is { } result
            ? Back("/settings", $"Restored {name}: {result.Projects} projects. The previous data is kept in {Path.GetFileName(result.KeptAside)}.")
            : Back("/settings", error: restored.Failure!.Message);
    }

    private static IReadOnlyList<string> ListBackups(string directory)
    {
        var folder = Path.Combine(directory, CreateBackup.FolderName);
        return Directory.Exists(folder)
            ? Directory.GetFiles(folder, $"gigzilla-*{BackupFile.Extension}").Select(path => Path.GetFileName(path)).OrderDescending(StringComparer.Ordinal).ToList()
            : [];
    }

    /// <summary>JSON for the page script, a redirect with a notice for a plain form post.</summary>
    private static IResult Answer(HttpContext http, string? problem, string saved)
    {
        if (http.Request.Headers.Accept.ToString().Contains("application/json", StringComparison.Ordinal))
        {
            return problem is null ? Results.Json(new { saved = true }) : Results.Json(new { saved = false, error = problem }, statusCode: StatusCodes.Status400BadRequest);
        }

        return problem is null ? Back("/settings", saved) : Back("/settings", error: problem);
    }

    private static string Field(string action, string key, JsonNode? value)
    {
        var label = Label(key);
        var input = value?.GetValueKind() switch
        {
            JsonValueKind.True or JsonValueKind.False => $"""<input type="hidden" name="value" value="false"><input type="checkbox" name="value" value="true" {(value.GetValue<bool>() ? "checked" : "")} id="f-{key}">""",
            JsonValueKind.Number => $"""<input type="number" name="value" value="{E(value.ToJsonString())}" id="f-{key}">""",
            JsonValueKind.Array or JsonValueKind.Object => $"""<code>{E(value.ToJsonString())}</code>""",
            _ when key.Contains("password", StringComparison.OrdinalIgnoreCase) =>
                $"""<input type="password" name="value" placeholder="{(value?.GetValue<string>() is { Length: > 0 } ? "•••••• (set)" : "not set")}" autocomplete="new-password" id="f-{key}">""",
            _ when key == "brandColor" => $"""<input type="color" name="value" value="{E(value?.GetValue<string>() is { Length: > 0 } colour ? colour : "#4f46e5")}" id="f-{key}">""",
            _ when key is "bankDetails" or "invoiceFooter" or "emailSignature" or "address" => $"""<textarea name="value" rows="2" id="f-{key}">{E(value?.GetValue<string>())}</textarea>""",
            _ => $"""<input name="value" value="{E(value?.GetValue<string>())}" id="f-{key}">""",
        };
        var editable = value?.GetValueKind() is not (JsonValueKind.Array or JsonValueKind.Object);
        return editable
            ? $"""<form method="post" action="{action}" class="field autosave" data-key="{E(key)}"><label for="f-{key}">{E(label)}</label><input type="hidden" name="name" value="{E(key)}">{input}<span class="saved" aria-live="polite"></span></form>"""
            : $"""<div class="field"><label>{E(label)}</label>{input}</div>""";
    }

    private static string Label(string key) =>
        string.Concat(key.Select((c, i) => i == 0 ? char.ToUpperInvariant(c).ToString(CultureInfo.InvariantCulture) : char.IsUpper(c) ? " " + char.ToLowerInvariant(c) : c.ToString()));

    [GeneratedRegex("^#[0-9a-fA-F]{6}$")]
    private static partial Regex Colour();
}
