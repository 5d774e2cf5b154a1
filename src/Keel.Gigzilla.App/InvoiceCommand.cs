using System.Globalization;
using Keel.Gigzilla.Invoices;
using Spectre.Console;

namespace Keel.Gigzilla.App;

/// <summary><c>gigzilla invoice create | line | send | credit | show | list</c>.</summary>
internal static class InvoiceCommand
{
    private const string Help = """
        Usage: gigzilla invoice create PROJECT [--vat RATE | --reverse-charge]
               gigzilla invoice line INVOICE DESCRIPTION QUANTITY UNIT_PRICE [--vat RATE]
               gigzilla invoice send INVOICE [--no-email]
               gigzilla invoice pdf INVOICE [--out FILE] [--credit-note NUMBER]
               gigzilla invoice xml INVOICE [--format cii|ubl] [--out FILE] [--credit-note NUMBER]
               gigzilla invoice credit INVOICE --reason TEXT [--amount AMOUNT]
               gigzilla invoice show INVOICE
               gigzilla invoice list

        create   Makes a draft invoice with one line for the project's amount (net)
        line     Adds a line to a draft invoice
        send     Numbers the draft from invoiceNumberFormat (e.g. INV-2026-001), dates it today and sets the due
                 date invoiceDueDays later; a sent invoice is locked. When the client has an email address the
                 invoice is mailed with its PDF and e-invoice (SMTP, or an .eml file when no smtpHost is set)
        pdf      Writes the invoice (or one of its credit notes) as a PDF (default: NUMBER.pdf here)
        xml      Writes the EN 16931 e-invoice: cii = Factur-X/ZUGFeRD CII (default), ubl = XRechnung UBL
        credit   Corrects a sent invoice with a credit note (numbered in the same sequence), by default for all
                 that is not yet credited
        show     Shows an invoice's lines, VAT, credit notes and what is still due
        list     Lists invoices, newest first

        PROJECT is an id or id prefix, or a title or part of it. INVOICE is a number, an id prefix, or the project.

        Options:
          --vat RATE         VAT percentage, e.g. 19 (default 0; a line defaults to the previous line's rate)
          --reverse-charge   No VAT; the invoice carries the EU reverse-charge note
          --reason TEXT      Why the credit note corrects the invoice
          --amount AMOUNT    How much the credit note credits
          --out FILE         Where to write the PDF or XML
          --format FORMAT    cii or ubl
          --credit-note NUMBER  The PDF or XML of this credit note of the invoice
          --no-email         Number the invoice without mailing it
          -h, --help         Show this help
        """;

    public static int Run(IReadOnlyList<string> args, CliEnvironment environment)
    {
        if (!CommandArguments.TryRead(args, environment, "invoice", Help, ["--vat", "--reason", "--amount", "--out", "--format", "--credit-note"], ["--reverse-charge", "--no-email"], out var arguments, out var exitCode))
        {
            return exitCode;
        }

        if (arguments.Words.Count == 0)
        {
            return GigzillaCommandLine.Fail(environment, "missing what to do: gigzilla invoice create, line, send, credit, show, list, pdf or xml");
        }

        var reference = string.Join(' ', arguments.Words.Skip(1));
        decimal? vat = null;
        decimal? amount = null;
        foreach (var (option, target) in new[] { ("--vat", 0), ("--amount", 1) })
        {
            if (arguments.Options.TryGetValue(option, out var text))
            {
                if (!decimal.TryParse(text, NumberStyles.Number, CultureInfo.InvariantCulture, out var number))
                {
                    return GigzillaCommandLine.Fail(environment, $"invalid {option} '{text}': expected a number such as 19 or 1,250.50");
                }

                if (target == 0)
                {
                    vat = number;
                }
                else
                {
                    amount = number;
                }
            }
        }

        switch (arguments.Words[0])
        {
            case "create" or "send" or "credit" or "show" or "pdf" or "xml" when reference.Length == 0:
                return GigzillaCommandLine.Fail(environment, arguments.Words[0] == "create"
                    ? "missing PROJECT: gigzilla invoice create PROJECT"
                    : $"missing INVOICE: gigzilla invoice {arguments.Words[0]} INVOICE");
            case "line":
                return AddLine(arguments.Words.Skip(1).ToList(), vat, environment);
            case "credit":
                return Credit(reference, arguments.Options.GetValueOrDefault("--reason") ?? "", amount, environment);
            case "show":
                return Show(reference, environment);
            case "pdf" or "xml":
                return InvoiceFileCommand.Run(arguments.Words[0], reference, arguments.Options, environment);
            case "create":
            {
                using var store = environment.OpenStore();
                var created = CreateInvoice.Run(store, reference, vat ?? 0m, arguments.Flags.Contains("--reverse-charge"));
                if (created.Value is not { } invoice)
                {
                    return GigzillaCommandLine.Fail(environment, created.Failure!);
                }

                environment.Console().MarkupLineInterpolated($"[green]Created[/] {invoice.Label} for {invoice.ProjectTitle}{ClientSuffix(invoice)} · {invoice.Total}");
                return 0;
            }

            case "send":
            {
                using var store = environment.OpenStore();
                var sent = SendInvoice.Run(store, reference);
                if (sent.Value is not { } invoice)
                {
                    return GigzillaCommandLine.Fail(environment, sent.Failure!);
                }

                var console = environment.Console();
                console.MarkupLineInterpolated($"[green]Sent[/] {invoice.Label} · {invoice.Total} · {SendInvoice.DueText(invoice.DueDate!.Value)}");
                if (!arguments.Flags.Contains("--no-email"))
                {
                    MailInvoice(store, invoice, console);
                }

                return 0;
            }

            case "list" when reference.Length == 0:
            {
                using var store = environment.OpenStore();
                var table = new Table().AddColumns("Number", "Project", "Client", "Total", "Still due", "Status", "Due");
                foreach (var invoice in ListInvoices.Run(store))
                {
                    table.AddRow(
                        new Text(invoice.Label),
                        new Text(invoice.ProjectTitle),
                        new Text(invoice.ClientName ?? ""),
                        new Text(invoice.Total.ToString()),
                        new Text(invoice.Status is InvoiceStatus.Sent or InvoiceStatus.Partial ? invoice.Remaining.ToString() : ""),
                        new Text(invoice.Status.ToStored()),
                        new Text(DisplayText.Date(invoice.DueDate)));
                }

                environment.Console().Write(table);
                return 0;
            }

            default:
                return GigzillaCommandLine.Fail(environment, $"unknown invoice action '{arguments.Words[0]}'; use create, line, send, credit, show, list, pdf or xml");
        }
    }

    private static void MailInvoice(Keel.Gigzilla.Store.GigzillaStore store, Invoice invoice, IAnsiConsole console)
    {
        var queued = Keel.Gigzilla.Mail.InvoiceMail.QueueInvoice(store, invoice);
        if (queued.Value is not { } composed)
        {
            console.MarkupLineInterpolated($"[yellow]Not mailed[/]: {queued.Failure!.Message}");
            return;
        }

        if (composed.Warning is { } warning)
        {
            console.MarkupLineInterpolated($"[yellow]Note[/]: {warning}");
        }

        AutomationOutput.Deliveries(console, CliEnvironment.Wait(() => Keel.Gigzilla.Mail.Outbox.DeliverDueAsync(store)));
    }

    private static int AddLine(List<string> words, decimal? vat, CliEnvironment environment)
    {
        if (words.Count < 4)
        {
            return GigzillaCommandLine.Fail(environment, "usage: gigzilla invoice line INVOICE DESCRIPTION QUANTITY UNIT_PRICE [--vat RATE]");
        }

        if (!decimal.TryParse(words[^2], NumberStyles.Number, CultureInfo.InvariantCulture, out var quantity)
            || !decimal.TryParse(words[^1], NumberStyles.Number, CultureInfo.InvariantCulture, out var price))
        {
            return GigzillaCommandLine.Fail(environment, $"invalid QUANTITY '{words[^2]}' or UNIT_PRICE '{words[^1]}': expected numbers such as 3 and 80.50");
        }

        using var store = environment.OpenStore();
        var added = AddInvoiceLine.Run(store, new AddInvoiceLine.Request(words[0], string.Join(' ', words.Skip(1).SkipLast(2)), quantity, price, vat));
        if (added.Value is not { } invoice)
        {
            return GigzillaCommandLine.Fail(environment, added.Failure!);
        }

        environment.Console().MarkupLineInterpolated($"[green]Added[/] a line to {invoice.Label} · now {invoice.Total}");
        return 0;
    }

    private static int Credit(string reference, string reason, decimal? amount, CliEnvironment environment)
    {
        using var store = environment.OpenStore();
        var issued = IssueCreditNote.Run(store, new IssueCreditNote.Request(reference, reason, amount));
        if (!issued.Succeeded)
        {
            return GigzillaCommandLine.Fail(environment, issued.Failure!);
        }

        var (note, invoice) = issued.Value;
        environment.Console().MarkupLineInterpolated($"[green]Issued[/] credit note {note.Number} for {note.Amount} on {invoice.Label} · {invoice.Remaining} still due ({invoice.Status.ToStored()})");
        return 0;
    }

    private static int Show(string reference, CliEnvironment environment)
    {
        using var store = environment.OpenStore();
        var found = FindInvoice.Run(store, reference);
        if (found.Value is not { } invoice)
        {
            return GigzillaCommandLine.Fail(environment, found.Failure!);
        }

        var console = environment.Console();
        console.MarkupLineInterpolated($"[bold]{invoice.Label}[/] · {invoice.ProjectTitle}{ClientSuffix(invoice)} · {invoice.Status.ToStored()}");
        if (invoice.DueDate is { } due)
        {
            console.WriteLine($"Sent {DisplayText.Date(invoice.SentDate)}, due {DisplayText.Date(due)}");
        }

        var table = new Table().AddColumns("#", "Description", "Quantity", "Unit price", "VAT %", "Net");
        foreach (var line in InvoiceTotals.LoadLines(store, invoice.Id))
        {
            table.AddRow(
                line.Position.ToString(CultureInfo.InvariantCulture),
                line.Description.EscapeMarkup(),
                line.Quantity.ToString("0.##", CultureInfo.InvariantCulture),
                new Money(line.UnitPrice, invoice.Currency).ToString(),
                line.VatRate.ToString("0.##", CultureInfo.InvariantCulture),
                new Money(line.Net, invoice.Currency).ToString());
        }

        console.Write(table);
        var totals = InvoiceTotals.Compute(InvoiceTotals.LoadLines(store, invoice.Id));
        console.WriteLine($"Net: {new Money(totals.Net, invoice.Currency)}");
        foreach (var rate in totals.Vat.Where(rate => rate.Rate != 0))
        {
            console.WriteLine($"VAT {rate.Rate.ToString("0.##", CultureInfo.InvariantCulture)} % on {new Money(rate.Net, invoice.Currency)}: {new Money(rate.Vat, invoice.Currency)}");
        }

        console.WriteLine($"Total: {invoice.Total}");
        if (invoice.ReverseCharge)
        {
            console.WriteLine(InvoiceTotals.ReverseChargeNote);
        }

        foreach (var note in IssueCreditNote.ForInvoice(store, invoice.Id))
        {
            console.WriteLine($"Credit note {note.Number} ({DisplayText.Date(note.IssuedDate)}): -{note.Amount} · {note.Reason}");
        }

        if (invoice.PaidAmount > 0)
        {
            console.WriteLine($"Paid: {new Money(invoice.PaidAmount, invoice.Currency)}");
        }

        console.WriteLine($"Still due: {invoice.Status switch { InvoiceStatus.Draft => "nothing yet (draft)", InvoiceStatus.Sent or InvoiceStatus.Partial => invoice.Remaining.ToString(), _ => "nothing" }}");
        return 0;
    }

    private static string ClientSuffix(Invoice invoice) => invoice.ClientName is null ? "" : $" ({invoice.ClientName})";
}
