using Keel.Gigzilla.Invoices;
using Keel.Gigzilla.Projects;
using Keel.Gigzilla.Store;

namespace Keel.Gigzilla.Dashboard;

/// <summary>
/// Reads the dashboard. Each part is one indexed query over open work only (open invoices, unfinished projects,
/// this month's payments) on partial indexes, so its cost follows what is open, not the size of the history;
/// only the overdue list joins projects and clients.
/// </summary>
internal static class LoadDashboard
{
    public static DashboardSnapshot Run(GigzillaStore store)
    {
        var today = store.Today;
        var overdue = store.Query(
            $"{Invoice.SelectSql} WHERE i.status IN ('sent', 'partial') AND i.due_date < $today ORDER BY i.due_date, i.number",
            Invoice.Read,
            ("$today", today));
        var unpaid = store.Query(
            "SELECT amount, paid_amount, credited_amount, currency FROM invoices i WHERE i.status IN ('sent', 'partial')",
            reader => new Money(reader.Amount(0) - reader.Amount(1) - reader.Amount(2), reader.GetString(3)));
        var deadlines = store.Query(
            $"{Project.SelectSql} WHERE p.status IN ('to_start', 'working') AND p.deadline IS NOT NULL AND p.deadline <= $end ORDER BY p.deadline, p.title",
            Project.Read,
            ("$end", today.AddDays(6)));
        var income = store.Query(
            "SELECT amount, currency FROM payments WHERE received_date BETWEEN $first AND $today",
            reader => new Money(reader.Amount(0), reader.GetString(1)),
            ("$first", new DateOnly(today.Year, today.Month, 1)),
            ("$today", today));

        return new DashboardSnapshot(
            today,
            overdue,
            deadlines,
            Money.TotalPerCurrency(unpaid),
            Money.TotalPerCurrency(income));
    }
}
