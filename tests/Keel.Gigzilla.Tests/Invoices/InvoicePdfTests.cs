using System.Diagnostics;
using Keel.Gigzilla.Invoices;
using Keel.Gigzilla.Settings;
using Keel.Gigzilla.Tests.Automation;
using SkiaSharp;

namespace Keel.Gigzilla.Tests.Invoices;

public sealed class InvoicePdfTests : IDisposable
{
    private readonly TestWorkspace workspace = new();

    [Fact]
    public void The_pdf_carries_seller_buyer_lines_vat_bank_details_and_footer_as_text()
    {
        using var store = workspace.OpenStore();
        Freelancer.Prepare(store);
        var project = Freelancer.AddProject(workspace, store, "Logo for Acme Corp, €1,500");
        CreateInvoice.Run(store, project.Id, vatRate: 19m);
        AddInvoiceLine.Run(store, new AddInvoiceLine.Request("logo", "Printed brochure", 2, 80.50m, 7m));
        var invoice = SendInvoice.Run(store, project.Id).Value!;

        var text = PdfText(InvoicePdf.Render(store, invoice));

        text.ShouldContain("INVOICE");
        text.ShouldContain("No. INV-2026-001");
        text.ShouldContain("Due: 15 Feb 2026");
        text.ShouldContain("Doe Design");
        text.ShouldContain("VAT ID: DE123456789");
        text.ShouldContain("Acme Corp");
        text.ShouldContain("1 Rue de la Paix");
        text.ShouldContain("Printed brochure");
        text.ShouldContain("€1,500.00");
        text.ShouldContain("VAT 7 % on €161.00");
        text.ShouldContain("€11.27");
        text.ShouldContain("VAT 19 % on €1,500.00");
        text.ShouldContain("€285.00");
        text.ShouldContain("€1,957.27");
        text.ShouldContain("IBAN: DE89 3704 0044 0532 0130 00");
        text.ShouldContain("Commerzbank Berlin");
        text.ShouldContain("Tax no. 12/345/67890");
    }

    [Fact]
    public void A_reverse_charge_invoice_prints_the_note_and_a_credit_note_names_the_invoice_it_corrects()
    {
        using var store = workspace.OpenStore();
        Freelancer.Prepare(store);
        var project = Freelancer.AddProject(workspace, store, "Logo for Acme Corp, €1,500");
        CreateInvoice.Run(store, project.Id, reverseCharge: true);
        var invoice = SendInvoice.Run(store, project.Id).Value!;
        var (note, credited) = IssueCreditNote.Run(store, new IssueCreditNote.Request("INV-2026-001", "Wrong rate", 300m)).Value;

        PdfText(InvoicePdf.Render(store, invoice)).ShouldContain("Reverse charge: VAT to be accounted for by the recipient");
        var creditText = PdfText(InvoicePdf.Render(InvoiceDocument.ForCreditNote(store, credited, note)));
        creditText.ShouldContain("CREDIT NOTE");
        creditText.ShouldContain("No. INV-2026-002");
        creditText.ShouldContain("Corrects invoice INV-2026-001 of 1 Feb 2026");
        creditText.ShouldContain("Reason: Wrong rate");
        creditText.ShouldContain("€300.00");
    }

    [Fact]
    public void The_logo_is_drawn_and_many_lines_flow_onto_more_pages()
    {
        var logo = Path.Combine(workspace.Directory, "logo.png");
        System.IO.Directory.CreateDirectory(workspace.Directory);
        using (var bitmap = new SKBitmap(200, 80))
        {
            bitmap.Erase(SKColors.OrangeRed);
            File.WriteAllBytes(logo, bitmap.Encode(SKEncodedImageFormat.Png, 100).ToArray());
        }

        using var store = workspace.OpenStore();
        Freelancer.Prepare(store);
        SettingsDocuments.SaveProfile(store, SettingsDocuments.LoadProfile(store) with { Logo = logo });
        var project = Freelancer.AddProject(workspace, store, "Logo for Acme Corp, €1,500");
        var draft = CreateInvoice.Run(store, project.Id).Value!;
        for (var i = 2; i <= 60; i++)
        {
            AddInvoiceLine.Run(store, new AddInvoiceLine.Request(draft.Id, $"Retouched photo number {i}", 1, 10m));
        }

        var pdf = InvoicePdf.Render(store, FindInvoice.Run(store, draft.Id).Value!);

        System.Text.Encoding.Latin1.GetString(pdf).ShouldContain("/Subtype /Image");
        var text = PdfText(pdf);
        text.ShouldContain("Retouched photo number 60");
        text.ShouldContain("DRAFT · page 2");
        text.ShouldContain("€2,090.00");
    }

    /// <summary>The PDF's text as poppler's pdftotext reads it.</summary>
    internal static string PdfText(byte[] pdf)
    {
        var path = Path.GetTempFileName();
        try
        {
            File.WriteAllBytes(path, pdf);
            using var process = Process.Start(new ProcessStartInfo("pdftotext", ["-layout", path, "-"]) { RedirectStandardOutput = true, RedirectStandardError = true })!;
            var text = process.StandardOutput.ReadToEnd();
            process.WaitForExit();
            process.ExitCode.ShouldBe(0, process.StandardError.ReadToEnd());
            return text;
        }
        finally
        {
            File.Delete(path);
        }
    }

    public void Dispose() => workspace.Dispose();
}
