using System.Globalization;
using Keel.Gigzilla.Invoices;

namespace Keel.Gigzilla.EInvoices;

/// <summary>
/// The EN 16931 code lists and business terms both syntaxes share: VAT category per rate (S standard, AE reverse
/// charge, E exempt; Z zero-rated goods is never what a freelancer's 0 % means), exemption reasons, the payment means
/// (58 SEPA credit transfer for EUR to an IBAN, 30 credit transfer in other currencies, 68 online payment service,
/// 1 not defined) and decimal formatting.
/// </summary>
internal static class EInvoiceTerms
{
    /// <summary>UN/ECE Recommendation 20 "one": lines are counted in units.</summary>
    public const string UnitCode = "C62";

    public const string ReverseChargeReasonCode = "VATEX-EU-AE";
    public const string ExemptReason = "Exempt from VAT";

    public static string Category(InvoiceDocument document, decimal rate) =>
        document.ReverseCharge ? "AE" : rate == 0 ? "E" : "S";

    /// <summary>BT-120 and BT-121: the reason a category without VAT carries none; null for S.</summary>
    public static (string? Code, string? Text) Exemption(string category) => category switch
    {
        "AE" => (ReverseChargeReasonCode, "Reverse charge"),
        "E" => (null, ExemptReason),
        _ => (null, null),
    };

    /// <summary>BT-81 payment means code.</summary>
    public static string PaymentMeans(InvoiceDocument document) =>
        document.Seller.Iban is { Length: > 0 } ? (document.Currency == "EUR" ? "58" : "30")
        : document.Seller.PaypalEmail is { Length: > 0 } ? "68"
        : "1";

    public static string Amount(decimal amount) => amount.ToString("0.00", CultureInfo.InvariantCulture);

    public static string Quantity(decimal quantity) => quantity.ToString("0.####", CultureInfo.InvariantCulture);

    public static string Percent(decimal rate) => rate.ToString("0.##", CultureInfo.InvariantCulture);

    public static string Iban(string iban) => iban.Replace(" ", "", StringComparison.Ordinal).ToUpperInvariant();

    /// <summary>The payment terms text (BT-20).</summary>
    public static string? PaymentTerms(InvoiceDocument document) =>
        document.DueDate is { } due ? $"Payable by {due.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)} without deduction." : null;

    /// <summary>
    /// Street lines, post code and city from a free-text address. Without a separate post code and city, a last line
    /// shaped "75002 Paris" (a token with a digit, then the city) gives them.
    /// </summary>
    public static (IReadOnlyList<string> Lines, string? PostalCode, string? City) Address(string? address, string? postalCode, string? city)
    {
        var lines = (address ?? "").Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).ToList();
        if (postalCode is null && city is null && lines.Count > 1
            && System.Text.RegularExpressions.Regex.Match(lines[^1], @"^(?<code>\S*\d\S*)\s+(?<city>\D.*)$") is { Success: true } match)
        {
            lines.RemoveAt(lines.Count - 1);
            return (lines.Take(3).ToList(), match.Groups["code"].Value, match.Groups["city"].Value);
        }

        return (lines.Take(3).ToList(), postalCode, city);
    }

    /// <summary>BT-55: the buyer's country, else the seller's (a domestic client).</summary>
    public static string? BuyerCountry(InvoiceDocument document) => document.Buyer.CountryCode ?? document.Seller.CountryCode;

    /// <summary>Why this document cannot be a valid e-invoice (a mandatory business term is missing), or null.</summary>
    public static string? Problem(InvoiceDocument document) =>
        document.Number == "DRAFT" ? "a draft has no invoice number yet: send it first ('gigzilla invoice send')"
        : document.Seller.CountryCode is not { Length: 2 } ? "an e-invoice needs your country (BT-40): gigzilla profile set countryCode DE"
        : (document.Seller.BusinessName ?? document.Seller.Name).Length == 0 ? "an e-invoice needs your name (BT-27): gigzilla profile set name \"Jane Doe\""
        : document.ReverseCharge && (string.IsNullOrWhiteSpace(document.Seller.VatId) || string.IsNullOrWhiteSpace(document.Buyer.VatId))
            ? "a reverse-charge e-invoice needs your VAT ID and the client's (BR-AE-2): gigzilla profile set vatId ..., gigzilla clients set CLIENT --vat-id ..."
        : document.Totals.Vat.Any(rate => rate.Rate > 0) && string.IsNullOrWhiteSpace(document.Seller.VatId)
            ? "an e-invoice with VAT needs your VAT ID (BR-S-2): gigzilla profile set vatId DE123456789"
        : null;
}
