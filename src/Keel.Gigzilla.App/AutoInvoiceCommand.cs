using Keel.Gigzilla.Automation;
using Spectre.Console;

namespace Keel.Gigzilla.App;

/// <summary><c>gigzilla auto-invoice [cancel PROJECT]</c>: invoices waiting to go out after a project was marked done.</summary>
internal static class AutoInvoiceCommand
{
    private const string Help = """
        Usage: gigzilla auto-invoice
               gigzilla auto-invoice cancel PROJECT

        Marking a project done schedules its invoice for the next business day at 09:00 (after autoInvoiceDelay days;
        turn it off with 'gigzilla settings set autoInvoiceEnabled false'). Until then you can prepare the draft
        ('gigzilla invoice create', 'invoice line') and that is what goes, or cancel it and invoice by hand.
        Lists the waiting invoices, or cancels one.

        Options:
          -h, --help   Show this help
        """;

    public static int Run(IReadOnlyList<string> args, CliEnvironment environment)
    {
        if (!CommandArguments.TryRead(args, environment, "auto-invoice", Help, [], [], out var arguments, out var exitCode))
        {
            return exitCode;
        }

        using var store = environment.OpenStore();
        var console = environment.Console();
        if (arguments.Words.Count > 0)
        {
            if (arguments.Words[0] != "cancel" || arguments.Words.Count < 2)
            {
                return GigzillaCommandLine.Fail(environment, "usage: gigzilla auto-invoice, or gigzilla auto-invoice cancel PROJECT");
            }

            var cancelled = AutoInvoices.Cancel(store, string.Join(' ', arguments.Words.Skip(1)));
            if (cancelled.Value is not { } value)
            {
                return GigzillaCommandLine.Fail(environment, cancelled.Failure!);
            }

            console.MarkupLineInterpolated($"[green]Cancelled[/] the auto-invoice for {value.ProjectTitle}; invoice it by hand with 'gigzilla invoice create'");
            return 0;
        }

        var scheduled = AutoInvoices.ListScheduled(store);
        if (scheduled.Count == 0)
        {
            console.WriteLine("No invoice is waiting to go out.");
            return 0;
        }

        var table = new Table().AddColumns("Project", "Client", "To", "Amount", "When (local)");
        foreach (var item in scheduled)
        {
            table.AddRow(
                new Text(item.ProjectTitle),
                new Text(item.ClientName ?? ""),
                new Text(item.ClientEmail ?? "(no email)"),
                new Text(item.Amount?.ToString() ?? ""),
                new Text(When(item.DueAt, environment.Clock)));
        }

        console.Write(table);
        return 0;
    }

    public static string When(DateTimeOffset at, TimeProvider clock) =>
        TimeZoneInfo.ConvertTime(at, clock.LocalTimeZone).ToString("ddd MMM d, HH:mm", System.Globalization.CultureInfo.InvariantCulture);
}
