using System.Globalization;
using Keel.Gigzilla.Invoices;
using Spectre.Console;

namespace Keel.Gigzilla.App;

/// <summary><c>gigzilla pay INVOICE AMOUNT [--date YYYY-MM-DD] [--method METHOD] [--currency CODE]</c>.</summary>
internal static class PayCommand
{
    private const string Help = """
        Usage: gigzilla pay INVOICE AMOUNT [--date YYYY-MM-DD] [--method METHOD] [--currency CODE]

        Records a payment received against a sent invoice. A part payment makes it partial; once paid in full the
        invoice and its project are paid.

        Arguments:
          INVOICE             The invoice number (INV-2026-001), an id prefix, or the project's title
          AMOUNT              What was received, in the invoice's currency, e.g. 500 or 1,250.50

        Options:
          --date YYYY-MM-DD   When it arrived (default: today)
          --method METHOD     bank_transfer (default), paypal, stripe, cash or other
          --currency CODE     The currency received; refused when it is not the invoice's
          -h, --help          Show this help
        """;

    public static int Run(IReadOnlyList<string> args, CliEnvironment environment)
    {
        if (!CommandArguments.TryRead(args, environment, "pay", Help, ["--date", "--method", "--currency"], [], out var arguments, out var exitCode))
        {
            return exitCode;
        }

        if (arguments.Words.Count < 2)
        {
            return GigzillaCommandLine.Fail(environment, "missing INVOICE or AMOUNT: gigzilla pay INV-2026-001 500");
        }

        var amountText = arguments.Words[^1];
        if (!decimal.TryParse(amountText, NumberStyles.Number, CultureInfo.InvariantCulture, out var amount))
        {
            return GigzillaCommandLine.Fail(environment, $"invalid AMOUNT '{amountText}': expected a number such as 500 or 1,250.50");
        }

        DateOnly? date = null;
        if (arguments.Options.TryGetValue("--date", out var dateText))
        {
            if (!DateOnly.TryParseExact(dateText, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var parsed))
            {
                return GigzillaCommandLine.Fail(environment, $"invalid --date '{dateText}': expected YYYY-MM-DD, e.g. 2026-02-01");
            }

            date = parsed;
        }

        using var store = environment.OpenStore();
        var request = new RecordPayment.Request(
            string.Join(' ', arguments.Words.SkipLast(1)),
            amount,
            date,
            arguments.Options.GetValueOrDefault("--method", PaymentMethod.Default),
            arguments.Options.GetValueOrDefault("--currency"));
        var recorded = RecordPayment.Run(store, request);
        if (recorded.Value is not { } invoice)
        {
            return GigzillaCommandLine.Fail(environment, recorded.Failure!);
        }

        var received = new Money(amount, invoice.Currency);
        var outcome = invoice.Status == InvoiceStatus.Paid
            ? $"paid in full; {invoice.ProjectTitle} is paid"
            : $"{invoice.Remaining} still due";
        environment.Console().MarkupLineInterpolated($"[green]Recorded[/] {received} on {invoice.Label} · {outcome}");
        return 0;
    }
}
