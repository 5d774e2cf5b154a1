using Keel.Gigzilla.Store;

namespace Keel.Gigzilla.Invoices;

/// <summary>
/// An invoice's net, VAT per rate and total. VAT is computed per rate on the sum of that rate's line nets and
/// rounded to cents, as EN 16931 does, rather than summed from rounded line amounts.
/// </summary>
internal sealed record InvoiceTotals(decimal Net, IReadOnlyList<InvoiceTotals.VatAtRate> Vat, decimal Total)
{
    /// <summary>Printed on reverse-charge invoices (EU B2B services): the client accounts for the VAT.</summary>
    public const string ReverseChargeNote = "Reverse charge: VAT to be accounted for by the recipient (Article 196, Council Directive 2006/112/EC).";

    public decimal VatTotal => Vat.Sum(rate => rate.Vat);

    public static InvoiceTotals Compute(IEnumerable<InvoiceLine> lines)
    {
        var byRate = lines
            .GroupBy(line => line.VatRate)
            .OrderBy(group => group.Key)
            .Select(group =>
            {
                var net = group.Sum(line => line.Net);
                return new VatAtRate(group.Key, net, Math.Round(net * group.Key / 100m, 2, MidpointRounding.AwayFromZero));
            })
            .ToList();
        var netTotal = byRate.Sum(rate => rate.Net);
        return new InvoiceTotals(netTotal, byRate, netTotal + byRate.Sum(rate => rate.Vat));
    }

    public static IReadOnlyList<InvoiceLine> LoadLines(GigzillaStore store, string invoiceId) =>
        store.Query(
            "SELECT position, description, quantity, unit_price, vat_rate FROM invoice_lines WHERE invoice_id = $id ORDER BY position",
            reader => new InvoiceLine(reader.GetInt32(0), reader.GetString(1), reader.Amount(2), reader.Amount(3), reader.Amount(4)),
            ("$id", invoiceId));

    /// <summary>Recomputes a draft's stored net, VAT and total from its lines.</summary>
    public static InvoiceTotals Update(GigzillaStore store, string invoiceId)
    {
        var totals = Compute(LoadLines(store, invoiceId));
        store.Execute(
            "UPDATE invoices SET net_amount = $net, vat_amount = $vat, amount = $total WHERE id = $id",
            ("$net", totals.Net),
            ("$vat", totals.VatTotal),
            ("$total", totals.Total),
            ("$id", invoiceId));
        return totals;
    }

    /// <summary>Why <paramref name="rate"/> is not a VAT percentage, or null.</summary>
    public static string? RateProblem(decimal rate, bool reverseCharge) =>
        rate is < 0 or >= 100 ? $"VAT rate {rate} is not a percentage between 0 and 100"
        : reverseCharge && rate != 0 ? "a reverse-charge invoice carries no VAT: leave out the VAT rate"
        : null;

    internal sealed record VatAtRate(decimal Rate, decimal Net, decimal Vat);
}
