using Keel.Gigzilla.Dashboard;
using Spectre.Console;

namespace Keel.Gigzilla.App;

/// <summary><c>gigzilla dashboard</c>: overdue invoices, deadlines this week, unpaid per currency, income this month.</summary>
internal static class DashboardCommand
{
    private const string Help = """
        Usage: gigzilla dashboard

        What matters now: overdue invoices, project deadlines in the next 7 days (and late ones), what clients still
        owe per currency and what came in this month.

        Options:
          -h, --help   Show this help
        """;

    public static int Run(IReadOnlyList<string> args, CliEnvironment environment)
    {
        if (!CommandArguments.TryRead(args, environment, "dashboard", Help, [], [], out var arguments, out var exitCode))
        {
            return exitCode;
        }

        if (arguments.Words.Count > 0)
        {
            return GigzillaCommandLine.Fail(environment, $"unexpected '{arguments.Words[0]}' (run 'gigzilla dashboard --help')");
        }

        using var store = environment.OpenStore();
        var dashboard = LoadDashboard.Run(store);
        var console = environment.Console();

        console.MarkupLineInterpolated($"[bold]Overdue invoices ({dashboard.OverdueInvoices.Count})[/]");
        if (dashboard.OverdueInvoices.Count == 0)
        {
            console.WriteLine("  none");
        }

        foreach (var invoice in dashboard.OverdueInvoices)
        {
            var days = dashboard.Today.DayNumber - invoice.DueDate!.Value.DayNumber;
            console.MarkupLineInterpolated($"  [red]{invoice.Label}[/] {invoice.ProjectTitle}{(invoice.ClientName is null ? "" : $" ({invoice.ClientName})")} · {invoice.Remaining} due · {days} {(days == 1 ? "day" : "days")} late");
        }

        console.MarkupLineInterpolated($"[bold]Deadlines this week ({dashboard.DeadlinesThisWeek.Count})[/]");
        if (dashboard.DeadlinesThisWeek.Count == 0)
        {
            console.WriteLine("  none");
        }

        foreach (var project in dashboard.DeadlinesThisWeek)
        {
            var deadline = project.Deadline!.Value;
            var when = deadline < dashboard.Today ? "late" : deadline == dashboard.Today ? "today" : deadline.ToString("ddd MMM d", System.Globalization.CultureInfo.InvariantCulture);
            console.MarkupLineInterpolated($"  {project.Label} · {when} · {Projects.ProjectStatusNames.ToStored(project.Status)} [grey]({project.ShortId})[/]");
        }

        console.MarkupLineInterpolated($"[bold]Unpaid:[/] {DisplayText.Totals(dashboard.UnpaidPerCurrency)}");
        console.MarkupLineInterpolated($"[bold]Income this month:[/] {DisplayText.Totals(dashboard.IncomeThisMonth)}");
        return 0;
    }
}
