using Keel.Gigzilla.App.Web.License;
using Keel.Gigzilla.Dashboard;
using Keel.Gigzilla.Invoices;
using Keel.Gigzilla.Projects;
using Keel.Gigzilla.Settings;
using Microsoft.AspNetCore.Http;
using static Keel.Gigzilla.App.Web.Html;

namespace Keel.Gigzilla.App.Web;

/// <summary>What matters now (seed 000): the most urgent thing first, overdue invoices, this week's deadlines, money.</summary>
internal static class DashboardPage
{
    public static IResult Get(HttpContext http, Workspace workspace, LicenseGate gate)
    {
        var (snapshot, currency, chart, working) = workspace.Use(store =>
        {
            var settings = SettingsDocuments.LoadSettings(store);
            var working = Convert.ToInt32(store.Scalar("SELECT COUNT(*) FROM projects WHERE status = 'working'"), System.Globalization.CultureInfo.InvariantCulture);
            return (LoadDashboard.Run(store), settings.Currency, IncomeChart.Load(store, settings.Currency), working);
        });
        var today = snapshot.Today;
        var overdue = snapshot.OverdueInvoices.Count == 0
            ? """<p class="empty">No overdue invoices.</p>"""
            : "<ul class=\"list\">" + string.Concat(snapshot.OverdueInvoices.Select(invoice => $"""
                <li><span><strong>{E(invoice.Label)}</strong> · {E(invoice.ClientName ?? invoice.ProjectTitle)} · {E(invoice.Remaining)} ·
                <span class="late">{today.DayNumber - invoice.DueDate!.Value.DayNumber} days late</span></span>
                <form method="post" action="/invoices/{E(invoice.Id)}/remind"><input type="hidden" name="back" value="/"><button class="small">Send reminder</button></form></li>
                """)) + "</ul>";
        var deadlines = snapshot.DeadlinesThisWeek.Count == 0
            ? """<p class="empty">Nothing due this week.</p>"""
            : "<ul class=\"list\">" + string.Concat(snapshot.DeadlinesThisWeek.Select(project => $"""
                <li><span><a href="/projects/{E(project.Id)}">{E(project.Label)}</a></span><span class="{(project.Deadline < today ? "late" : "")}">{DueText(project.Deadline!.Value, today)}</span></li>
                """)) + "</ul>";
        var body = $"""
            <section class="now" id="what-matters-now">{WhatMattersNow(snapshot, working)}</section>
            <div class="grid">
              <section class="panel"><h2>Income this month</h2>{Totals(snapshot.IncomeThisMonth)}</section>
              <section class="panel"><h2>Unpaid</h2>{Totals(snapshot.UnpaidPerCurrency)}</section>
            </div>
            <div class="grid">
              <section class="panel" id="overdue"><h2>Overdue invoices</h2>{overdue}</section>
              <section class="panel" id="deadlines"><h2>Deadlines this week</h2>{deadlines}</section>
            </div>
            <section class="panel"><h2>Income, last 12 months ({E(currency)})</h2>{IncomeChart.Svg(chart, currency)}</section>
            """;
        return Layout.Render(http, workspace, gate.Current(), "Dashboard", "Dashboard", body);
    }

    /// <summary>Seed 000's context-aware headline: money owed beats a deadline, a deadline beats idle time.</summary>
    private static string WhatMattersNow(DashboardSnapshot snapshot, int working)
    {
        if (snapshot.OverdueInvoices.Count > 0)
        {
            var worst = snapshot.OverdueInvoices[0];
            return $"<strong>{snapshot.OverdueInvoices.Count} overdue invoice{(snapshot.OverdueInvoices.Count == 1 ? "" : "s")}.</strong> {E(worst.ClientName ?? worst.ProjectTitle)} owes {E(worst.Remaining)} since {Date(worst.DueDate, snapshot.Today)}.";
        }

        if (snapshot.DeadlinesThisWeek.FirstOrDefault() is { } next)
        {
            return $"<strong>Next deadline:</strong> {E(next.Label)}, {DueText(next.Deadline!.Value, snapshot.Today)}.";
        }

        return working > 0
            ? $"<strong>All clear.</strong> {working} project{(working == 1 ? "" : "s")} in progress, nothing urgent."
            : "<strong>All clear.</strong> Add your next job in the box above.";
    }

    private static string DueText(DateOnly deadline, DateOnly today) => (deadline.DayNumber - today.DayNumber) switch
    {
        < 0 and var late => $"{-late} day{(late == -1 ? "" : "s")} late",
        0 => "due today",
        1 => "due tomorrow",
        _ => $"due {deadline.DayOfWeek}",
    };

    private static string Totals(IReadOnlyList<Money> totals) => totals.Count == 0
        ? """<p class="figure">—</p>"""
        : string.Concat(totals.Select(total => $"""<p class="figure">{E(total)}</p>"""));
}
