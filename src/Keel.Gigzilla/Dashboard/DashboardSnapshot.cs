using Keel.Gigzilla.Invoices;
using Keel.Gigzilla.Projects;

namespace Keel.Gigzilla.Dashboard;

/// <summary>What matters now: overdue invoices, deadlines in the coming week, money owed and money received this month.</summary>
/// <param name="Today">The day the dashboard was read.</param>
/// <param name="OverdueInvoices">Sent or partly paid invoices past their due date, most overdue first.</param>
/// <param name="DeadlinesThisWeek">Unfinished projects due from today to six days ahead (or already late), soonest first.</param>
/// <param name="UnpaidPerCurrency">What is still due on sent and partial invoices, one total per currency.</param>
/// <param name="IncomeThisMonth">Payments received since the first of this month, one total per currency.</param>
internal sealed record DashboardSnapshot(
    DateOnly Today,
    IReadOnlyList<Invoice> OverdueInvoices,
    IReadOnlyList<Project> DeadlinesThisWeek,
    IReadOnlyList<Money> UnpaidPerCurrency,
    IReadOnlyList<Money> IncomeThisMonth);
