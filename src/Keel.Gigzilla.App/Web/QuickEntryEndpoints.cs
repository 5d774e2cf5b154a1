using Keel.Gigzilla.App.Web.License;
using Keel.Gigzilla.Clients;
using Keel.Gigzilla.Invoices;
using Keel.Gigzilla.Projects;
using Keel.Gigzilla.QuickEntry;
using Keel.Gigzilla.Settings;
using Microsoft.AspNetCore.Http;
using static Keel.Gigzilla.App.Web.Html;

namespace Keel.Gigzilla.App.Web;

/// <summary>The quick entry on every page: the live parse as the user types, saving the line, and the global search.</summary>
internal static class QuickEntryEndpoints
{
    public static IResult Parse(Workspace workspace, string? text)
    {
        var (entry, today) = workspace.Use(store => (Read(store, text ?? ""), store.Today));
        return Results.Json(new
        {
            title = entry.Title,
            client = entry.Client,
            amount = entry.Amount,
            currency = entry.Currency,
            deadline = entry.Deadline?.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture),
            summary = entry.Title.Length == 0 ? "" : EntrySummary.Format(entry, today),
        });
    }

    public static async Task<IResult> Add(HttpContext http, Workspace workspace)
    {
        var form = await http.Request.ReadFormAsync();
        var back = LocalPath(form["back"].ToString());
        var text = form["text"].ToString().Trim();
        if (text.Length == 0)
        {
            return Back(back, error: "Type what to add, e.g. Logo for Acme Corp, €1,500, 2 weeks.");
        }

        var added = workspace.Use(store => AddProject.Run(store, Read(store, text)));
        return added.Value is { } project
            ? Results.Redirect($"{back}{(back.Contains('?', StringComparison.Ordinal) ? '&' : '?')}created={U(project.Id)}")
            : Back(back, error: added.Failure!.Message);
    }

    public static IResult Search(HttpContext http, Workspace workspace, LicenseGate gate, string? q)
    {
        var term = (q ?? "").Trim();
        var (projects, clients, invoices) = workspace.Use(store => (
            ListProjects.Run(store).Where(project => Matches(term, project.Title, project.ClientName)).Take(50).ToList(),
            ListClients.Run(store).Where(client => Matches(term, client.Client.Name, client.Client.Email)).Take(50).ToList(),
            ListInvoices.Run(store).Where(invoice => Matches(term, invoice.Number, invoice.ProjectTitle, invoice.ClientName)).Take(50).ToList()));
        var body = term.Length == 0 ? "<p class=\"empty\">Type in the search box.</p>" : $"""
            <div class="grid">
              <section class="panel"><h2>Projects</h2><ul class="list">{string.Concat(projects.Select(p => $"<li><a href=\"/projects/{E(p.Id)}\">{E(p.Label)}</a><span>{E(p.Status.ToStored())}</span></li>"))}</ul></section>
              <section class="panel"><h2>Clients</h2><ul class="list">{string.Concat(clients.Select(c => $"<li><a href=\"/clients/{E(c.Client.Id)}\">{E(c.Client.Name)}</a></li>"))}</ul></section>
              <section class="panel"><h2>Invoices</h2><ul class="list">{string.Concat(invoices.Select(i => $"<li><a href=\"/money\">{E(i.Label)}</a><span>{E(i.Total)} · {E(i.Status.ToStored())}</span></li>"))}</ul></section>
            </div>
            """;
        return Layout.Render(http, workspace, gate.Current(), "", $"Search: {term}", body);
    }

    private static ParsedQuickEntry Read(Store.GigzillaStore store, string text) =>
        QuickEntryParser.Parse(text, store.Today, StoredClientNames.Load(store), SettingsDocuments.LoadSettings(store).Currency);

    private static bool Matches(string term, params string?[] fields) =>
        term.Length > 0 && fields.Any(field => field?.Contains(term, StringComparison.OrdinalIgnoreCase) == true);
}
