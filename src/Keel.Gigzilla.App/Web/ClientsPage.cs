using System.Globalization;
using Keel.Gigzilla.App.Web.License;
using Keel.Gigzilla.Clients;
using Keel.Gigzilla.Invoices;
using Keel.Gigzilla.Projects;
using Microsoft.AspNetCore.Http;
using static Keel.Gigzilla.App.Web.Html;

namespace Keel.Gigzilla.App.Web;

/// <summary>Clients with what they owe and how they pay; a client's page with projects, invoices and reminder strategy.</summary>
internal static class ClientsPage
{
    public static IResult List(HttpContext http, Workspace workspace, LicenseGate gate)
    {
        var clients = workspace.Use(ListClients.Run);
        var rows = string.Concat(clients.Select(summary => $"""
            <tr>
              <td><a href="/clients/{E(summary.Client.Id)}">{E(summary.Client.Name)}</a></td>
              <td class="num">{summary.OpenProjects}</td>
              <td class="num">{E(string.Join(" · ", summary.Unpaid))}</td>
              <td class="num">{OnTime(summary.Metrics)}</td>
              <td class="num">{(summary.Metrics.AverageDaysLate is { } late ? late.ToString("0.#", CultureInfo.InvariantCulture) : "—")}</td>
              <td>{E(summary.Client.ReminderStrategy)}</td>
            </tr>
            """));
        var body = $"""
            <section class="panel">
              <table class="table" id="clients">
                <thead><tr><th>Client</th><th class="num">Open projects</th><th class="num">Unpaid</th><th class="num">Paid on time</th><th class="num">Avg. days late</th><th>Reminders</th></tr></thead>
                <tbody>{(rows.Length == 0 ? "<tr><td colspan=\"6\" class=\"empty\">No clients yet: name one in the quick entry (\"… for Acme Corp\").</td></tr>" : rows)}</tbody>
              </table>
            </section>
            """;
        return Layout.Render(http, workspace, gate.Current(), "Clients", "Clients", body);
    }

    public static IResult Show(HttpContext http, Workspace workspace, LicenseGate gate, string id)
    {
        var (summary, projects, invoices, today) = workspace.Use(store =>
        {
            var summary = ListClients.Run(store).FirstOrDefault(client => client.Client.Id == id);
            return (summary,
                summary is null ? [] : ListProjects.Run(store).Where(project => project.ClientId == id).ToList(),
                summary is null ? [] : ListInvoices.Run(store).Where(invoice => invoice.ClientName == summary.Client.Name).ToList(),
                store.Today);
        });
        if (summary is null)
        {
            return Results.NotFound();
        }

        var projectRows = string.Concat(projects.Select(project =>
            $"<li><a href=\"/projects/{E(project.Id)}\">{E(project.Title)}</a><span>{E(project.Status.ToStored())}</span></li>"));
        var invoiceRows = string.Concat(invoices.Select(invoice =>
            $"<li><span>{E(invoice.Label)} · {E(invoice.Total)}</span><span>{E(invoice.Status.ToStored())} {Date(invoice.DueDate, today)}</span></li>"));
        var body = $"""
            <section class="panel">
              <dl class="facts">
                <dt>Email</dt><dd>{E(summary.Client.Email ?? "—")}</dd>
                <dt>Unpaid</dt><dd>{E(summary.Unpaid.Count == 0 ? "nothing" : string.Join(" · ", summary.Unpaid))}</dd>
                <dt>Paid on time</dt><dd>{OnTime(summary.Metrics)} of {summary.Metrics.TotalInvoices} invoices due</dd>
                <dt>Reminder strategy</dt><dd>{E(summary.Client.ReminderStrategy)}</dd>
              </dl>
            </section>
            <div class="grid">
              <section class="panel"><h2>Projects</h2><ul class="list">{projectRows}</ul></section>
              <section class="panel"><h2>Invoices</h2><ul class="list">{(invoiceRows.Length == 0 ? "<li class=\"empty\">None yet.</li>" : invoiceRows)}</ul></section>
            </div>
            """;
        return Layout.Render(http, workspace, gate.Current(), "Clients", summary.Client.Name, body);
    }

    private static string OnTime(ClientPaymentMetrics metrics) =>
        metrics.OnTimeRate is { } rate ? $"{rate * 100:0}%" : "—";
}
