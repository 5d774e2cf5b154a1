using System.Globalization;
using System.Xml.Linq;
using Keel.Gigzilla.EInvoices;
using Keel.Gigzilla.Invoices;
using Keel.Gigzilla.Settings;
using Keel.Gigzilla.Tests.Automation;

namespace Keel.Gigzilla.Tests.EInvoices;

public sealed class EInvoiceTests : IDisposable
{
    private static readonly XNamespace Rsm = "urn:un:unece:uncefact:data:standard:CrossIndustryInvoice:100";
    private static readonly XNamespace Ram = "urn:un:unece:uncefact:data:standard:ReusableAggregateBusinessInformationEntity:100";
    private static readonly XNamespace Udt = "urn:un:unece:uncefact:data:standard:UnqualifiedDataType:100";
    private static readonly XNamespace Cac = "urn:oasis:names:specification:ubl:schema:xsd:CommonAggregateComponents-2";
    private static readonly XNamespace Cbc = "urn:oasis:names:specification:ubl:schema:xsd:CommonBasicComponents-2";

    private readonly TestWorkspace workspace = new();

    [Fact]
    public void The_cii_invoice_has_the_en16931_header_parties_and_payment_means()
    {
        var xml = Cii(TwoRateInvoice(out _));

        xml.Root!.Name.ShouldBe(Rsm + "CrossIndustryInvoice");
        Value(xml, Rsm + "ExchangedDocumentContext", Ram + "GuidelineSpecifiedDocumentContextParameter", Ram + "ID").ShouldBe("urn:cen.eu:en16931:2017");
        Value(xml, Rsm + "ExchangedDocument", Ram + "ID").ShouldBe("INV-2026-001");
        Value(xml, Rsm + "ExchangedDocument", Ram + "TypeCode").ShouldBe("380");
        var issue = xml.Descendants(Ram + "IssueDateTime").Single().Element(Udt + "DateTimeString")!;
        (issue.Value, issue.Attribute("format")!.Value).ShouldBe(("20260201", "102"));
        var seller = xml.Descendants(Ram + "SellerTradeParty").Single();
        seller.Element(Ram + "Name")!.Value.ShouldBe("Doe Design");
        seller.Descendants(Ram + "CountryID").Single().Value.ShouldBe("DE");
        seller.Descendants(Ram + "PostcodeCode").Single().Value.ShouldBe("10115");
        seller.Element(Ram + "SpecifiedTaxRegistration")!.Element(Ram + "ID")!.Attribute("schemeID")!.Value.ShouldBe("VA");
        var buyer = xml.Descendants(Ram + "BuyerTradeParty").Single();
        buyer.Descendants(Ram + "CityName").Single().Value.ShouldBe("Paris");
        buyer.Descendants(Ram + "CountryID").Single().Value.ShouldBe("FR");
        Value(xml, Ram + "InvoiceCurrencyCode").ShouldBe("EUR");
        var means = xml.Descendants(Ram + "SpecifiedTradeSettlementPaymentMeans").Single();
        means.Element(Ram + "TypeCode")!.Value.ShouldBe("58");
        means.Descendants(Ram + "IBANID").Single().Value.ShouldBe("DE89370400440532013000");
        xml.Descendants(Ram + "DueDateDateTime").Single().Value.ShouldBe("20260215");
        xml.Descendants(Ram + "BilledQuantity").First().Attribute("unitCode")!.Value.ShouldBe("C62");
    }

    [Fact]
    public void Cii_sums_follow_br_co_10_and_br_co_15_with_a_vat_breakdown_per_rate()
    {
        var xml = Cii(TwoRateInvoice(out var invoice));

        var lineNets = xml.Descendants(Ram + "SpecifiedTradeSettlementLineMonetarySummation").Select(sum => Amount(sum.Element(Ram + "LineTotalAmount")!)).ToList();
        var totals = xml.Descendants(Ram + "SpecifiedTradeSettlementHeaderMonetarySummation").Single();
        Amount(totals.Element(Ram + "LineTotalAmount")!).ShouldBe(lineNets.Sum()); // BR-CO-10
        var taxBasis = Amount(totals.Element(Ram + "TaxBasisTotalAmount")!);
        var taxTotal = Amount(totals.Element(Ram + "TaxTotalAmount")!);
        Amount(totals.Element(Ram + "GrandTotalAmount")!).ShouldBe(taxBasis + taxTotal); // BR-CO-15
        Amount(totals.Element(Ram + "DuePayableAmount")!).ShouldBe(invoice.Amount);
        totals.Element(Ram + "TaxTotalAmount")!.Attribute("currencyID")!.Value.ShouldBe("EUR");

        var breakdown = xml.Descendants(Ram + "ApplicableHeaderTradeSettlement").Elements(Ram + "ApplicableTradeTax")
            .Select(tax => (Category: tax.Element(Ram + "CategoryCode")!.Value, Rate: tax.Element(Ram + "RateApplicablePercent")!.Value,
                Basis: Amount(tax.Element(Ram + "BasisAmount")!), Vat: Amount(tax.Element(Ram + "CalculatedAmount")!)))
            .ToList();
        breakdown.ShouldBe([("S", "7", 161.00m, 11.27m), ("S", "19", 1500.00m, 285.00m)]);
        breakdown.Sum(rate => rate.Vat).ShouldBe(taxTotal); // BR-CO-14
        breakdown.Sum(rate => rate.Basis).ShouldBe(taxBasis);
    }

    [Fact]
    public void A_reverse_charge_invoice_is_category_ae_with_its_exemption_reason_in_both_syntaxes()
    {
        using var store = workspace.OpenStore();
        Freelancer.Prepare(store);
        var project = Freelancer.AddProject(workspace, store, "Logo for Acme Corp, €1,500");
        CreateInvoice.Run(store, project.Id, reverseCharge: true);
        var document = InvoiceDocument.ForInvoice(store, SendInvoice.Run(store, project.Id).Value!);

        var cii = Cii(document);
        var tax = cii.Descendants(Ram + "ApplicableHeaderTradeSettlement").Elements(Ram + "ApplicableTradeTax").Single();
        tax.Element(Ram + "CategoryCode")!.Value.ShouldBe("AE");
        tax.Element(Ram + "RateApplicablePercent")!.Value.ShouldBe("0");
        tax.Element(Ram + "CalculatedAmount")!.Value.ShouldBe("0.00");
        tax.Element(Ram + "ExemptionReasonCode")!.Value.ShouldBe("VATEX-EU-AE");
        tax.Element(Ram + "ExemptionReason")!.Value.ShouldBe("Reverse charge");
        cii.Descendants(Ram + "BuyerTradeParty").Descendants(Ram + "SpecifiedTaxRegistration").Single().Value.ShouldBe("FR12345678901");
        cii.Descendants(Ram + "IncludedSupplyChainTradeLineItem").Descendants(Ram + "CategoryCode").Single().Value.ShouldBe("AE");

        var ubl = Ubl(document);
        var category = ubl.Descendants(Cac + "TaxSubtotal").Single().Element(Cac + "TaxCategory")!;
        category.Element(Cbc + "ID")!.Value.ShouldBe("AE");
        category.Element(Cbc + "TaxExemptionReasonCode")!.Value.ShouldBe("VATEX-EU-AE");
        ubl.Descendants(Cac + "ClassifiedTaxCategory").Single().Element(Cbc + "ID")!.Value.ShouldBe("AE");
    }

    [Fact]
    public void A_zero_rate_without_reverse_charge_is_exempt_with_a_reason()
    {
        using var store = workspace.OpenStore();
        Freelancer.Prepare(store);
        var invoice = Freelancer.SendNew(workspace, store, "Logo for Acme Corp, €1,500");

        var tax = Cii(InvoiceDocument.ForInvoice(store, invoice)).Descendants(Ram + "ApplicableHeaderTradeSettlement").Elements(Ram + "ApplicableTradeTax").Single();

        tax.Element(Ram + "CategoryCode")!.Value.ShouldBe("E");
        tax.Element(Ram + "ExemptionReason")!.Value.ShouldBe("Exempt from VAT");
    }

    [Fact]
    public void A_credit_note_is_type_381_and_references_the_invoice_it_corrects()
    {
        var document = TwoRateInvoice(out var invoice);
        using var store = workspace.OpenStore();
        var (note, credited) = IssueCreditNote.Run(store, new IssueCreditNote.Request(invoice.Number!, "Brochure not printed", 195.29m)).Value;
        var credit = InvoiceDocument.ForCreditNote(store, credited, note);

        var cii = Cii(credit);
        Value(cii, Rsm + "ExchangedDocument", Ram + "TypeCode").ShouldBe("381");
        Value(cii, Rsm + "ExchangedDocument", Ram + "ID").ShouldBe("INV-2026-002");
        var reference = cii.Descendants(Ram + "InvoiceReferencedDocument").Single();
        reference.Element(Ram + "IssuerAssignedID")!.Value.ShouldBe("INV-2026-001");
        reference.Descendants().Last().Value.ShouldBe("20260201");
        Amount(cii.Descendants(Ram + "GrandTotalAmount").Single()).ShouldBe(195.29m);

        var ubl = Ubl(credit);
        ubl.Root!.Name.ShouldBe(XName.Get("CreditNote", "urn:oasis:names:specification:ubl:schema:xsd:CreditNote-2"));
        ubl.Root.Element(Cbc + "CreditNoteTypeCode")!.Value.ShouldBe("381");
        ubl.Descendants(Cac + "InvoiceDocumentReference").Single().Element(Cbc + "ID")!.Value.ShouldBe("INV-2026-001");
        ubl.Descendants(Cac + "CreditNoteLine").Count().ShouldBe(2);
        Amount(ubl.Descendants(Cbc + "PayableAmount").Single()).ShouldBe(195.29m);
    }

    [Fact]
    public void The_ubl_invoice_is_xrechnung_with_consistent_totals()
    {
        var xml = Ubl(TwoRateInvoice(out var invoice));

        xml.Root!.Element(Cbc + "CustomizationID")!.Value.ShouldBe("urn:cen.eu:en16931:2017#compliant#urn:xeinkauf.de:kosit:xrechnung_3.0");
        xml.Root.Element(Cbc + "InvoiceTypeCode")!.Value.ShouldBe("380");
        xml.Root.Element(Cbc + "DueDate")!.Value.ShouldBe("2026-02-15");
        xml.Root.Element(Cbc + "BuyerReference").ShouldNotBeNull();
        xml.Descendants(Cbc + "PaymentMeansCode").Single().Value.ShouldBe("58");
        var lineSum = xml.Descendants(Cac + "InvoiceLine").Sum(line => Amount(line.Element(Cbc + "LineExtensionAmount")!));
        var total = xml.Descendants(Cac + "LegalMonetaryTotal").Single();
        Amount(total.Element(Cbc + "LineExtensionAmount")!).ShouldBe(lineSum); // BR-CO-10
        var taxTotal = Amount(xml.Root.Element(Cac + "TaxTotal")!.Element(Cbc + "TaxAmount")!);
        Amount(total.Element(Cbc + "TaxInclusiveAmount")!).ShouldBe(Amount(total.Element(Cbc + "TaxExclusiveAmount")!) + taxTotal); // BR-CO-15
        Amount(total.Element(Cbc + "PayableAmount")!).ShouldBe(invoice.Amount);
        xml.Descendants(Cac + "TaxSubtotal").Select(sub => sub.Descendants(Cbc + "Percent").Single().Value).ShouldBe(["7", "19"]);
        xml.Descendants(Cbc + "InvoicedQuantity").First().Attribute("unitCode")!.Value.ShouldBe("C62");
        var buyerAddress = xml.Descendants(Cac + "AccountingCustomerParty").Descendants(Cac + "PostalAddress").Single();
        (buyerAddress.Element(Cbc + "PostalZone")!.Value, buyerAddress.Element(Cbc + "CityName")!.Value).ShouldBe(("75002", "Paris"));
    }

    [Fact]
    public void Other_currencies_pay_by_credit_transfer_30()
    {
        using var store = workspace.OpenStore();
        Freelancer.Prepare(store);
        var invoice = Freelancer.SendNew(workspace, store, "Site for Vela Yoga, $900");

        Cii(InvoiceDocument.ForInvoice(store, invoice)).Descendants(Ram + "SpecifiedTradeSettlementPaymentMeans").Single().Element(Ram + "TypeCode")!.Value.ShouldBe("30");
    }

    [Fact]
    public void Missing_mandatory_terms_are_refused_with_what_to_set()
    {
        using var store = workspace.OpenStore();
        Freelancer.Prepare(store);
        var project = Freelancer.AddProject(workspace, store, "Logo for Acme Corp, €1,500");
        var draft = CreateInvoice.Run(store, project.Id, vatRate: 19m).Value!;

        EInvoiceFormat.Render(InvoiceDocument.ForInvoice(store, draft), "cii").Failure!.Message.ShouldContain("send it first");
        var sent = SendInvoice.Run(store, project.Id).Value!;
        SettingsDocuments.SaveProfile(store, SettingsDocuments.LoadProfile(store) with { CountryCode = null });
        EInvoiceFormat.Render(InvoiceDocument.ForInvoice(store, sent), "ubl").Failure!.Message.ShouldContain("countryCode");
        SettingsDocuments.SaveProfile(store, SettingsDocuments.LoadProfile(store) with { CountryCode = "DE", VatId = null });
        EInvoiceFormat.Render(InvoiceDocument.ForInvoice(store, sent), "ubl").Failure!.Message.ShouldContain("BR-S-2");
        EInvoiceFormat.Render(InvoiceDocument.ForInvoice(store, sent), "pdf").Failure!.Message.ShouldContain("use cii");
    }

    /// <summary>INV-2026-001: Logo €1,500 at 19 % and 2 × €80.50 brochures at 7 %.</summary>
    private InvoiceDocument TwoRateInvoice(out Invoice invoice)
    {
        using var store = workspace.OpenStore();
        Freelancer.Prepare(store);
        var project = Freelancer.AddProject(workspace, store, "Logo for Acme Corp, €1,500");
        CreateInvoice.Run(store, project.Id, vatRate: 19m);
        AddInvoiceLine.Run(store, new AddInvoiceLine.Request("logo", "Printed brochure", 2, 80.50m, 7m));
        invoice = SendInvoice.Run(store, project.Id).Value!;
        return InvoiceDocument.ForInvoice(store, invoice);
    }

    private static XDocument Cii(InvoiceDocument document) => Parse(EInvoiceFormat.Render(document, "cii"));

    private static XDocument Ubl(InvoiceDocument document) => Parse(EInvoiceFormat.Render(document, "ubl"));

    private static XDocument Parse(Outcome<byte[]> rendered)
    {
        rendered.Failure.ShouldBeNull();
        using var stream = new MemoryStream(rendered.Value!);
        return XDocument.Load(stream);
    }

    private static string Value(XDocument xml, params XName[] path) =>
        path.Skip(1).Aggregate(xml.Descendants(path[0]).Single(), (element, name) => element.Element(name)!).Value;

    private static decimal Amount(XElement element) => decimal.Parse(element.Value, CultureInfo.InvariantCulture);

    public void Dispose() => workspace.Dispose();
}
