using System.Globalization;
using System.Xml.Linq;
using Keel.Gigzilla.Invoices;

namespace Keel.Gigzilla.EInvoices;

/// <summary>
/// The OASIS UBL 2.1 Invoice (or CreditNote) of a document, following the XRechnung 3.0 CIUS of EN 16931
/// (customization <c>urn:cen.eu:en16931:2017#compliant#urn:xeinkauf.de:kosit:xrechnung_3.0</c>). Element order
/// follows the UBL schema.
/// </summary>
internal static class XRechnungInvoice
{
    public const string CustomizationId = "urn:cen.eu:en16931:2017#compliant#urn:xeinkauf.de:kosit:xrechnung_3.0";
    public const string ProfileId = "urn:fdc:peppol.eu:2017:poacc:billing:01:1.0";

    private static readonly XNamespace InvoiceNs = "urn:oasis:names:specification:ubl:schema:xsd:Invoice-2";
    private static readonly XNamespace CreditNoteNs = "urn:oasis:names:specification:ubl:schema:xsd:CreditNote-2";
    private static readonly XNamespace Cac = "urn:oasis:names:specification:ubl:schema:xsd:CommonAggregateComponents-2";
    private static readonly XNamespace Cbc = "urn:oasis:names:specification:ubl:schema:xsd:CommonBasicComponents-2";

    public static XDocument Create(InvoiceDocument document)
    {
        var credit = document.IsCreditNote;
        var root = credit ? CreditNoteNs + "CreditNote" : InvoiceNs + "Invoice";
        var currency = document.Currency;
        var totals = document.Totals;
        var seller = document.Seller;
        var buyer = document.Buyer;
        var element = new XElement(root,
            new XAttribute(XNamespace.Xmlns + "cac", Cac),
            new XAttribute(XNamespace.Xmlns + "cbc", Cbc),
            new XElement(Cbc + "CustomizationID", CustomizationId),
            new XElement(Cbc + "ProfileID", ProfileId),
            new XElement(Cbc + "ID", document.Number),
            new XElement(Cbc + "IssueDate", Date(document.IssueDate)),
            !credit && document.DueDate is { } due ? new XElement(Cbc + "DueDate", Date(due)) : null,
            new XElement(Cbc + (credit ? "CreditNoteTypeCode" : "InvoiceTypeCode"), document.TypeCode),
            document.Note is { } note ? new XElement(Cbc + "Note", note) : null,
            document.ReverseCharge ? new XElement(Cbc + "Note", InvoiceTotals.ReverseChargeNote) : null,
            new XElement(Cbc + "DocumentCurrencyCode", currency),
            new XElement(Cbc + "BuyerReference", buyer.Name),
            document.PrecedingInvoiceNumber is { } preceding
                ? new XElement(Cac + "BillingReference",
                    new XElement(Cac + "InvoiceDocumentReference",
                        new XElement(Cbc + "ID", preceding),
                        document.PrecedingInvoiceDate is { } date ? new XElement(Cbc + "IssueDate", Date(date)) : null))
                : null,
            new XElement(Cac + "AccountingSupplierParty",
                Party(seller.BusinessName ?? seller.Name, seller.Name, seller.Email, seller.Phone, seller.Address, seller.PostalCode, seller.City, seller.CountryCode, seller.VatId)),
            new XElement(Cac + "AccountingCustomerParty",
                Party(buyer.Name, null, buyer.Email, null, buyer.Address, null, null, EInvoiceTerms.BuyerCountry(document), buyer.VatId)),
            new XElement(Cac + "Delivery", new XElement(Cbc + "ActualDeliveryDate", Date(document.IssueDate))),
            PaymentMeans(document),
            !credit && EInvoiceTerms.PaymentTerms(document) is { } terms ? new XElement(Cac + "PaymentTerms", new XElement(Cbc + "Note", terms)) : null,
            new XElement(Cac + "TaxTotal",
                Money("TaxAmount", totals.VatTotal, currency),
                totals.Vat.Select(rate => new XElement(Cac + "TaxSubtotal",
                    Money("TaxableAmount", rate.Net, currency),
                    Money("TaxAmount", rate.Vat, currency),
                    Category("TaxCategory", document, rate.Rate, withExemption: true)))),
            new XElement(Cac + "LegalMonetaryTotal",
                Money("LineExtensionAmount", totals.Net, currency),
                Money("TaxExclusiveAmount", totals.Net, currency),
                Money("TaxInclusiveAmount", totals.Total, currency),
                Money("PayableAmount", totals.Total, currency)),
            document.Lines.Select(line => new XElement(Cac + (credit ? "CreditNoteLine" : "InvoiceLine"),
                new XElement(Cbc + "ID", line.Position.ToString(CultureInfo.InvariantCulture)),
                new XElement(Cbc + (credit ? "CreditedQuantity" : "InvoicedQuantity"), new XAttribute("unitCode", EInvoiceTerms.UnitCode), EInvoiceTerms.Quantity(line.Quantity)),
                Money("LineExtensionAmount", line.Net, currency),
                new XElement(Cac + "Item",
                    new XElement(Cbc + "Name", line.Description),
                    Category("ClassifiedTaxCategory", document, line.VatRate, withExemption: false)),
                new XElement(Cac + "Price", Money("PriceAmount", line.UnitPrice, currency)))));
        return new XDocument(new XDeclaration("1.0", "UTF-8", null), element);
    }

    private static XElement Category(string name, InvoiceDocument document, decimal rate, bool withExemption)
    {
        var category = EInvoiceTerms.Category(document, rate);
        var (code, text) = withExemption ? EInvoiceTerms.Exemption(category) : (null, null);
        return new XElement(Cac + name,
            new XElement(Cbc + "ID", category),
            new XElement(Cbc + "Percent", EInvoiceTerms.Percent(rate)),
            code is null ? null : new XElement(Cbc + "TaxExemptionReasonCode", code),
            text is null ? null : new XElement(Cbc + "TaxExemptionReason", text),
            new XElement(Cac + "TaxScheme", new XElement(Cbc + "ID", "VAT")));
    }

    private static XElement PaymentMeans(InvoiceDocument document)
    {
        var seller = document.Seller;
        var code = EInvoiceTerms.PaymentMeans(document);
        return new XElement(Cac + "PaymentMeans",
            new XElement(Cbc + "PaymentMeansCode", code),
            document.IsCreditNote && document.DueDate is { } due ? new XElement(Cbc + "PaymentDueDate", Date(due)) : null,
            code == "68" ? new XElement(Cbc + "InstructionNote", $"PayPal {seller.PaypalEmail}") : null,
            new XElement(Cbc + "PaymentID", document.Number),
            seller.Iban is { Length: > 0 } iban
                ? new XElement(Cac + "PayeeFinancialAccount",
                    new XElement(Cbc + "ID", EInvoiceTerms.Iban(iban)),
                    seller.Bic is { Length: > 0 } bic ? new XElement(Cac + "FinancialInstitutionBranch", new XElement(Cbc + "ID", bic.Trim())) : null)
                : null);
    }

    private static XElement Party(string name, string? person, string? email, string? phone, string? address, string? postalCode, string? city, string? country, string? vatId)
    {
        (var lines, postalCode, city) = EInvoiceTerms.Address(address, postalCode, city);
        return new XElement(Cac + "Party",
            email is { Length: > 0 } ? new XElement(Cbc + "EndpointID", new XAttribute("schemeID", "EM"), email) : null,
            new XElement(Cac + "PostalAddress",
                lines.Count > 0 ? new XElement(Cbc + "StreetName", lines[0]) : null,
                lines.Count > 1 ? new XElement(Cbc + "AdditionalStreetName", lines[1]) : null,
                city is { Length: > 0 } ? new XElement(Cbc + "CityName", city) : null,
                postalCode is { Length: > 0 } ? new XElement(Cbc + "PostalZone", postalCode) : null,
                new XElement(Cac + "Country", new XElement(Cbc + "IdentificationCode", country?.ToUpperInvariant()))),
            vatId is { Length: > 0 }
                ? new XElement(Cac + "PartyTaxScheme", new XElement(Cbc + "CompanyID", vatId), new XElement(Cac + "TaxScheme", new XElement(Cbc + "ID", "VAT")))
                : null,
            new XElement(Cac + "PartyLegalEntity", new XElement(Cbc + "RegistrationName", name)),
            person is { Length: > 0 } || phone is { Length: > 0 }
                ? new XElement(Cac + "Contact",
                    person is { Length: > 0 } ? new XElement(Cbc + "Name", person) : null,
                    phone is { Length: > 0 } ? new XElement(Cbc + "Telephone", phone) : null,
                    email is { Length: > 0 } ? new XElement(Cbc + "ElectronicMail", email) : null)
                : null);
    }

    private static XElement Money(string name, decimal amount, string currency) =>
        new(Cbc + name, new XAttribute("currencyID", currency), EInvoiceTerms.Amount(amount));

    private static string Date(DateOnly date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
}
