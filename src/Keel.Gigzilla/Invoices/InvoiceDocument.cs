using Keel.Gigzilla.Settings;
using Keel.Gigzilla.Store;

namespace Keel.Gigzilla.Invoices;

/// <summary>
/// Everything printed on an invoice or credit note, gathered once for the PDF and the e-invoices: the seller's
/// profile, the buyer, the lines and the totals. A credit note carries one line crediting part of its invoice,
/// split across the invoice's VAT rates in proportion, and names the invoice it corrects.
/// </summary>
internal sealed record InvoiceDocument(
    string Number,
    bool IsCreditNote,
    DateOnly IssueDate,
    DateOnly? DueDate,
    string Currency,
    Profile Seller,
    InvoiceDocument.Party Buyer,
    IReadOnlyList<InvoiceLine> Lines,
    InvoiceTotals Totals,
    bool ReverseCharge,
    string? PrecedingInvoiceNumber,
    DateOnly? PrecedingInvoiceDate,
    string? Note)
{
    /// <summary>EN 16931 document type: 380 commercial invoice, 381 credit note.</summary>
    public string TypeCode => IsCreditNote ? "381" : "380";

    /// <summary>The invoice as it stands; a draft is shown under a "DRAFT" number and is not a valid e-invoice.</summary>
    public static InvoiceDocument ForInvoice(GigzillaStore store, Invoice invoice)
    {
        var lines = InvoiceTotals.LoadLines(store, invoice.Id);
        return new InvoiceDocument(
            invoice.Number ?? "DRAFT",
            IsCreditNote: false,
            invoice.SentDate ?? invoice.CreatedDate,
            invoice.DueDate,
            invoice.Currency,
            SettingsDocuments.LoadProfile(store),
            LoadBuyer(store, invoice.Id),
            lines,
            InvoiceTotals.Compute(lines),
            invoice.ReverseCharge,
            PrecedingInvoiceNumber: null,
            PrecedingInvoiceDate: null,
            Note: null);
    }

    public static InvoiceDocument ForCreditNote(GigzillaStore store, Invoice invoice, CreditNote note)
    {
        var invoiceTotals = InvoiceTotals.Compute(InvoiceTotals.LoadLines(store, invoice.Id));
        var lines = new List<InvoiceLine>();
        var left = note.Amount.Amount;
        var rates = invoiceTotals.Vat.Where(rate => rate.Net + rate.Vat != 0).ToList();
        for (var i = 0; i < rates.Count; i++)
        {
            var rate = rates[i];
            var gross = i == rates.Count - 1 ? left : Math.Round(note.Amount.Amount * (rate.Net + rate.Vat) / invoiceTotals.Total, 2, MidpointRounding.AwayFromZero);
            left -= gross;
            var net = Math.Round(gross / (1 + rate.Rate / 100m), 2, MidpointRounding.AwayFromZero);
            lines.Add(new InvoiceLine(i + 1, $"Credit on invoice {invoice.Number}: {note.Reason}", 1, net, rate.Rate));
        }

        var totals = InvoiceTotals.Compute(lines);
        return new InvoiceDocument(
            note.Number,
            IsCreditNote: true,
            note.IssuedDate,
            DueDate: null,
            invoice.Currency,
            SettingsDocuments.LoadProfile(store),
            LoadBuyer(store, invoice.Id),
            lines,
            totals,
            invoice.ReverseCharge,
            invoice.Number,
            invoice.SentDate,
            note.Reason);
    }

    private static Party LoadBuyer(GigzillaStore store, string invoiceId) =>
        store.Query(
            """
            SELECT c.name, c.email, c.address, c.country_code, c.vat_id
            FROM invoices i JOIN clients c ON c.id = i.client_id WHERE i.id = $id
            """,
            reader => new Party(reader.GetString(0), reader.NullableString(1), reader.NullableString(2), reader.NullableString(3), reader.NullableString(4)),
            ("$id", invoiceId)).FirstOrDefault() ?? new Party("Unknown client", null, null, null, null);

    /// <summary>The buyer; <see cref="Address"/> is free text, one line per part.</summary>
    internal sealed record Party(string Name, string? Email, string? Address, string? CountryCode, string? VatId);
}
