using System.Globalization;
using Keel.Gigzilla.Clients;
using Spectre.Console;

namespace Keel.Gigzilla.App;

/// <summary><c>gigzilla clients</c>: clients with open work, what they owe and how they pay.</summary>
internal static class ClientsCommand
{
    private const string Help = """
        Usage: gigzilla clients

        Lists clients with their open projects, what they still owe per currency, the share of invoices paid on time
        and the average days late (open invoices past due count as late so far).

        Options:
          -h, --help   Show this help
        """;

    public static int Run(IReadOnlyList<string> args, CliEnvironment environment)
    {
        if (!CommandArguments.TryRead(args, environment, "clients", Help, [], [], out var arguments, out var exitCode))
        {
            return exitCode;
        }

        if (arguments.Words.Count > 0)
        {
            return GigzillaCommandLine.Fail(environment, $"unexpected '{arguments.Words[0]}' (run 'gigzilla clients --help')");
        }

        using var store = environment.OpenStore();
        var clients = ListClients.Run(store);
        var console = environment.Console();
        if (clients.Count == 0)
        {
            console.WriteLine("No clients yet. They are created by gigzilla add \"Logo for Acme Corp, €1,500, 2 weeks\"");
            return 0;
        }

        var table = new Table().AddColumns("Id", "Name", "Open projects", "Unpaid", "Paid on time", "Avg days late");
        foreach (var summary in clients)
        {
            var metrics = summary.Metrics;
            table.AddRow(
                new Text(summary.Client.ShortId),
                new Text(summary.Client.Name),
                new Text(summary.OpenProjects.ToString(CultureInfo.InvariantCulture)),
                new Text(summary.Unpaid.Count == 0 ? "" : DisplayText.Totals(summary.Unpaid)),
                new Text(metrics.OnTimeRate is { } rate ? $"{rate:P0} of {metrics.TotalInvoices}" : "-"),
                new Text(metrics.AverageDaysLate?.ToString("0.#", CultureInfo.InvariantCulture) ?? "-"));
        }

        console.Write(table);
        return 0;
    }
}
