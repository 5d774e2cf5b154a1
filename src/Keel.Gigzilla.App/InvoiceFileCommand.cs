using Keel.Gigzilla.EInvoices;
using Keel.Gigzilla.Invoices;
using Spectre.Console;

namespace Keel.Gigzilla.App;

/// <summary><c>gigzilla invoice pdf|xml INVOICE</c>: writes an invoice's (or credit note's) PDF or EN 16931 XML.</summary>
internal static class InvoiceFileCommand
{
    public static int Run(string kind, string reference, IReadOnlyDictionary<string, string> options, CliEnvironment environment)
    {
        var format = options.GetValueOrDefault("--format") ?? EInvoiceFormat.Cii;
        if (kind == "xml" && !EInvoiceFormat.IsKnown(format))
        {
            return GigzillaCommandLine.Fail(environment, $"unknown --format '{format}': use cii (Factur-X/ZUGFeRD) or ubl (XRechnung)");
        }

        using var store = environment.OpenStore();
        var found = FindInvoice.Run(store, reference);
        if (found.Value is not { } invoice)
        {
            return GigzillaCommandLine.Fail(environment, found.Failure!);
        }

        var document = InvoiceDocument.ForInvoice(store, invoice);
        if (options.GetValueOrDefault("--credit-note") is { } noteNumber)
        {
            var note = IssueCreditNote.ForInvoice(store, invoice.Id).FirstOrDefault(note => note.Number.Equals(noteNumber, StringComparison.OrdinalIgnoreCase));
            if (note is null)
            {
                return GigzillaCommandLine.Fail(environment, $"invoice {invoice.Label} has no credit note {noteNumber}", GigzillaCommandLine.Failed);
            }

            document = InvoiceDocument.ForCreditNote(store, invoice, note);
        }

        byte[] content;
        string name;
        if (kind == "pdf")
        {
            content = InvoicePdf.Render(document);
            name = InvoicePdf.FileName(document);
        }
        else
        {
            var rendered = EInvoiceFormat.Render(document, format);
            if (rendered.Value is not { } xml)
            {
                return GigzillaCommandLine.Fail(environment, rendered.Failure!);
            }

            content = xml;
            name = EInvoiceFormat.FileName(document, format);
        }

        var path = Path.GetFullPath(options.GetValueOrDefault("--out") ?? name);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllBytes(path, content);
        environment.Console().MarkupLineInterpolated($"[green]Wrote[/] {path}");
        return 0;
    }
}
