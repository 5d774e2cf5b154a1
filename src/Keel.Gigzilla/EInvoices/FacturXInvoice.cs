using System.Globalization;
using System.Xml.Linq;
using Keel.Gigzilla.Invoices;

namespace Keel.Gigzilla.EInvoices;

/// <summary>
/// The UN/CEFACT Cross Industry Invoice (D16B) of an invoice or credit note in the Factur-X / ZUGFeRD EN 16931
/// profile (guideline <c>urn:cen.eu:en16931:2017</c>). Element order follows the CII schema.
/// </summary>
internal static class FacturXInvoice
{
    public const string Guideline = "urn:cen.eu:en16931:2017";

    private static readonly XNamespace Rsm = "urn:un:unece:uncefact:data:standard:CrossIndustryInvoice:100";
    private static readonly XNamespace Ram = "urn:un:unece:uncefact:data:standard:ReusableAggregateBusinessInformationEntity:100";
    private static readonly XNamespace Qdt = "urn:un:unece:uncefact:data:standard:QualifiedDataType:100";
    private static readonly XNamespace Udt = "urn:un:unece:uncefact:data:standard:UnqualifiedDataType:100";

    /// <summary>The file name Factur-X gives the XML.</summary>
    public const string FileName = "factur-x.xml";

    public static XDocument Create(InvoiceDocument document)
    {
        var currency = document.Currency;
        var totals = document.Totals;
        var seller = document.Seller;
        var root = new XElement(Rsm + "CrossIndustryInvoice",
            new XAttribute(XNamespace.Xmlns + "rsm", Rsm),
            new XAttribute(XNamespace.Xmlns + "qdt", Qdt),
            new XAttribute(XNamespace.Xmlns + "ram", Ram),
            new XAttribute(XNamespace.Xmlns + "udt", Udt),
            new XElement(Rsm + "ExchangedDocumentContext",
                new XElement(Ram + "GuidelineSpecifiedDocumentContextParameter", new XElement(Ram + "ID", Guideline))),
            new XElement(Rsm + "ExchangedDocument",
                new XElement(Ram + "ID", document.Number),
                new XElement(Ram + "TypeCode", document.TypeCode),
                new XElement(Ram + "IssueDateTime", DateTimeString(Udt, document.IssueDate)),
                document.Note is { } note ? new XElement(Ram + "IncludedNote", new XElement(Ram + "Content", note)) : null,
                document.ReverseCharge ? new XElement(Ram + "IncludedNote", new XElement(Ram + "Content", InvoiceTotals.ReverseChargeNote)) : null),
            new XElement(Rsm + "SupplyChainTradeTransaction",
                document.Lines.Select(line => Line(document, line)),
                new XElement(Ram + "ApplicableHeaderTradeAgreement",
                    new XElement(Ram + "BuyerReference", document.Buyer.Name),
                    Party("SellerTradeParty", seller.BusinessName ?? seller.Name, seller.Name, seller.Email, seller.Phone,
                        seller.Address, seller.PostalCode, seller.City, seller.CountryCode, seller.VatId),
                    Party("BuyerTradeParty", document.Buyer.Name, null, document.Buyer.Email, null,
                        document.Buyer.Address, null, null, EInvoiceTerms.BuyerCountry(document), document.Buyer.VatId)),
                new XElement(Ram + "ApplicableHeaderTradeDelivery",
                    new XElement(Ram + "ActualDeliverySupplyChainEvent",
                        new XElement(Ram + "OccurrenceDateTime", DateTimeString(Udt, document.IssueDate)))),
                new XElement(Ram + "ApplicableHeaderTradeSettlement",
                    document.IsCreditNote ? null : new XElement(Ram + "PaymentReference", document.Number),
                    new XElement(Ram + "InvoiceCurrencyCode", currency),
                    PaymentMeans(document),
                    totals.Vat.Select(rate => HeaderTax(document, rate)),
                    document.IsCreditNote ? null : new XElement(Ram + "SpecifiedTradePaymentTerms",
                        EInvoiceTerms.PaymentTerms(document) is { } terms ? new XElement(Ram + "Description", terms) : null,
                        document.DueDate is { } due ? new XElement(Ram + "DueDateDateTime", DateTimeString(Udt, due)) : null),
                    new XElement(Ram + "SpecifiedTradeSettlementHeaderMonetarySummation",
                        new XElement(Ram + "LineTotalAmount", EInvoiceTerms.Amount(totals.Net)),
                        new XElement(Ram + "TaxBasisTotalAmount", EInvoiceTerms.Amount(totals.Net)),
                        new XElement(Ram + "TaxTotalAmount", new XAttribute("currencyID", currency), EInvoiceTerms.Amount(totals.VatTotal)),
                        new XElement(Ram + "GrandTotalAmount", EInvoiceTerms.Amount(totals.Total)),
                        new XElement(Ram + "TotalPrepaidAmount", EInvoiceTerms.Amount(0)),
                        new XElement(Ram + "DuePayableAmount", EInvoiceTerms.Amount(totals.Total))),
                    document.PrecedingInvoiceNumber is { } preceding
                        ? new XElement(Ram + "InvoiceReferencedDocument",
                            new XElement(Ram + "IssuerAssignedID", preceding),
                            document.PrecedingInvoiceDate is { } date ? new XElement(Ram + "FormattedIssueDateTime", DateTimeString(Qdt, date)) : null)
                        : null)));
        return new XDocument(new XDeclaration("1.0", "UTF-8", null), root);
    }

    private static XElement Line(InvoiceDocument document, InvoiceLine line)
    {
        var category = EInvoiceTerms.Category(document, line.VatRate);
        return new XElement(Ram + "IncludedSupplyChainTradeLineItem",
            new XElement(Ram + "AssociatedDocumentLineDocument", new XElement(Ram + "LineID", line.Position.ToString(CultureInfo.InvariantCulture))),
            new XElement(Ram + "SpecifiedTradeProduct", new XElement(Ram + "Name", line.Description)),
            new XElement(Ram + "SpecifiedLineTradeAgreement",
                new XElement(Ram + "NetPriceProductTradePrice", new XElement(Ram + "ChargeAmount", EInvoiceTerms.Amount(line.UnitPrice)))),
            new XElement(Ram + "SpecifiedLineTradeDelivery",
                new XElement(Ram + "BilledQuantity", new XAttribute("unitCode", EInvoiceTerms.UnitCode), EInvoiceTerms.Quantity(line.Quantity))),
            new XElement(Ram + "SpecifiedLineTradeSettlement",
                new XElement(Ram + "ApplicableTradeTax",
                    new XElement(Ram + "TypeCode", "VAT"),
                    new XElement(Ram + "CategoryCode", category),
                    new XElement(Ram + "RateApplicablePercent", EInvoiceTerms.Percent(line.VatRate))),
                new XElement(Ram + "SpecifiedTradeSettlementLineMonetarySummation",
                    new XElement(Ram + "LineTotalAmount", EInvoiceTerms.Amount(line.Net)))));
    }

    private static XElement HeaderTax(InvoiceDocument document, InvoiceTotals.VatAtRate rate)
    {
        var category = EInvoiceTerms.Category(document, rate.Rate);
        var (code, text) = EInvoiceTerms.Exemption(category);
        return new XElement(Ram + "ApplicableTradeTax",
            new XElement(Ram + "CalculatedAmount", EInvoiceTerms.Amount(rate.Vat)),
            new XElement(Ram + "TypeCode", "VAT"),
            text is null ? null : new XElement(Ram + "ExemptionReason", text),
            new XElement(Ram + "BasisAmount", EInvoiceTerms.Amount(rate.Net)),
            new XElement(Ram + "CategoryCode", category),
            code is null ? null : new XElement(Ram + "ExemptionReasonCode", code),
            new XElement(Ram + "RateApplicablePercent", EInvoiceTerms.Percent(rate.Rate)));
    }

    private static XElement PaymentMeans(InvoiceDocument document)
    {
        var seller = document.Seller;
        var code = EInvoiceTerms.PaymentMeans(document);
        return new XElement(Ram + "SpecifiedTradeSettlementPaymentMeans",
            new XElement(Ram + "TypeCode", code),
            code == "68" ? new XElement(Ram + "Information", $"PayPal {seller.PaypalEmail}") : null,
            seller.Iban is { Length: > 0 } iban ? new XElement(Ram + "PayeePartyCreditorFinancialAccount", new XElement(Ram + "IBANID", EInvoiceTerms.Iban(iban))) : null,
            seller.Iban is { Length: > 0 } && seller.Bic is { Length: > 0 } bic
                ? new XElement(Ram + "PayeeSpecifiedCreditorFinancialInstitution", new XElement(Ram + "BICID", bic.Trim()))
                : null);
    }

    private static XElement Party(string element, string name, string? person, string? email, string? phone, string? address, string? postalCode, string? city, string? country, string? vatId)
    {
        (var lines, postalCode, city) = EInvoiceTerms.Address(address, postalCode, city);
        return new(Ram + element,
            new XElement(Ram + "Name", name),
            person is { Length: > 0 } || phone is { Length: > 0 }
                ? new XElement(Ram + "DefinedTradeContact",
                    person is { Length: > 0 } ? new XElement(Ram + "PersonName", person) : null,
                    phone is { Length: > 0 } ? new XElement(Ram + "TelephoneUniversalCommunication", new XElement(Ram + "CompleteNumber", phone)) : null,
                    email is { Length: > 0 } ? new XElement(Ram + "EmailURIUniversalCommunication", new XElement(Ram + "URIID", email)) : null)
                : null,
            new XElement(Ram + "PostalTradeAddress",
                postalCode is { Length: > 0 } ? new XElement(Ram + "PostcodeCode", postalCode) : null,
                lines.Select((line, i) => new XElement(Ram + (i switch { 0 => "LineOne", 1 => "LineTwo", _ => "LineThree" }), line)),
                city is { Length: > 0 } ? new XElement(Ram + "CityName", city) : null,
                new XElement(Ram + "CountryID", country?.ToUpperInvariant())),
            email is { Length: > 0 } ? new XElement(Ram + "URIUniversalCommunication", new XElement(Ram + "URIID", new XAttribute("schemeID", "EM"), email)) : null,
            vatId is { Length: > 0 } ? new XElement(Ram + "SpecifiedTaxRegistration", new XElement(Ram + "ID", new XAttribute("schemeID", "VA"), vatId)) : null);
    }

    private static XElement DateTimeString(XNamespace ns, DateOnly date) =>
        new(ns + "DateTimeString", new XAttribute("format", "102"), date.ToString("yyyyMMdd", CultureInfo.InvariantCulture));
}
