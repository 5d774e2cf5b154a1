using System.Globalization;
using Keel.Gigzilla.Clients;
using Spectre.Console;

namespace Keel.Gigzilla.App;

/// <summary><c>gigzilla clients</c>: clients with open work, what they owe and how they pay.</summary>
internal static class ClientsCommand
{
    private const string Help = """
        Usage: gigzilla clients
               gigzilla clients set CLIENT [--email ADDRESS] [--reminders STRATEGY] [--address TEXT] [--country CC] [--vat-id ID]

        Lists clients with their open projects, what they still owe per currency, the share of invoices paid on time
        and the average days late (open invoices past due count as late so far). 'set' changes a client (by name or
        id): the email invoices and reminders go to, the reminder strategy (standard, gentle, aggressive, minimal,
        none), and the address, country and VAT ID printed on invoices and e-invoices.

        Options:
          --email ADDRESS        Where invoices and reminders go
          --reminders STRATEGY   standard, gentle, aggressive, minimal or none
          --address TEXT         Postal address (\n between lines)
          --country CC           Two-letter country code, e.g. FR
          --vat-id ID            The client's VAT ID (needed for reverse charge)
          -h, --help             Show this help
        """;

    public static int Run(IReadOnlyList<string> args, CliEnvironment environment)
    {
        if (!CommandArguments.TryRead(args, environment, "clients", Help, ["--email", "--reminders", "--address", "--country", "--vat-id"], [], out var arguments, out var exitCode))
        {
            return exitCode;
        }

        if (arguments.Words.Count > 1 && arguments.Words[0] == "set")
        {
            var name = arguments.Words.Skip(1);
            using var writable = environment.OpenStore();
            var options = arguments.Options;
            var updated = UpdateClient.Run(writable, new UpdateClient.Request(
                string.Join(' ', name),
                options.GetValueOrDefault("--email"),
                options.GetValueOrDefault("--reminders"),
                options.GetValueOrDefault("--address"),
                options.GetValueOrDefault("--country"),
                options.GetValueOrDefault("--vat-id")));
            if (updated.Value is not { } client)
            {
                return GigzillaCommandLine.Fail(environment, updated.Failure!);
            }

            environment.Console().MarkupLineInterpolated($"[green]Updated[/] {client.Name}: {client.Email ?? "no email"} · reminders {client.ReminderStrategy}");
            return 0;
        }

        if (arguments.Words.Count > 0 || arguments.Options.Count > 0)
        {
            return GigzillaCommandLine.Fail(environment, $"unexpected '{arguments.Words.FirstOrDefault() ?? arguments.Options.Keys.First()}' (run 'gigzilla clients --help')");
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
