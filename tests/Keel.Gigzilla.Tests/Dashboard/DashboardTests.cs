using Keel.Gigzilla.Dashboard;
using Keel.Gigzilla.Invoices;

namespace Keel.Gigzilla.Tests.Dashboard;

public sealed class DashboardTests : IDisposable
{
    private readonly TestWorkspace workspace = new();

    [Fact]
    public void The_dashboard_shows_overdue_invoices_deadlines_this_week_unpaid_per_currency_and_income_this_month()
    {
        using var store = workspace.OpenStore();
        foreach (var line in new[] { "Logo for Acme Corp, €1,500", "Site for Nordic Wool, $2,000", "Audit for Helix Bio, €700" })
        {
            var project = workspace.AddProject(store, line);
            CreateInvoice.Run(store, project.Id);
            SendInvoice.Run(store, project.Id);
        }

        workspace.SetToday(new DateOnly(2026, 2, 20));
        RecordPayment.Run(store, new RecordPayment.Request("INV-2026-001", 500m, new DateOnly(2026, 2, 10)));
        RecordPayment.Run(store, new RecordPayment.Request("INV-2026-003", 700m, new DateOnly(2026, 1, 31)));
        workspace.AddProject(store, "Poster for Vela Yoga, 300, tomorrow");
        workspace.AddProject(store, "Menu for Casa Lima, 200, in 6 days");
        workspace.AddProject(store, "Flyer for Casa Lima, 100, in 7 days");
        var late = workspace.AddProject(store, "Teaser for Casa Lima, 100");
        store.Execute("UPDATE projects SET deadline = '2026-02-18' WHERE id = $id", ("$id", late.Id));

        var dashboard = LoadDashboard.Run(store);

        dashboard.OverdueInvoices.Select(invoice => invoice.Number).ShouldBe(["INV-2026-001", "INV-2026-002"]);
        dashboard.DeadlinesThisWeek.Select(project => project.Title).ShouldBe(["Teaser", "Poster", "Menu"]);
        dashboard.UnpaidPerCurrency.ShouldBe([new Money(1000m, "EUR"), new Money(2000m, "USD")]);
        dashboard.IncomeThisMonth.ShouldBe([new Money(500m, "EUR")]);
    }

    public void Dispose() => workspace.Dispose();
}
