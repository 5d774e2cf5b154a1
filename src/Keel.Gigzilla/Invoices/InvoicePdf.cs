using System.Globalization;
using Keel.Gigzilla.Store;
using SkiaSharp;

namespace Keel.Gigzilla.Invoices;

/// <summary>
/// Renders an invoice or credit note as an A4 PDF/A-2b with SkiaSharp: the profile's logo and brand colour, seller and
/// buyer, line items, VAT per rate, the reverse-charge note, bank details and the footer. Text is real PDF text in an
/// embedded font (DejaVu Sans or the system's Arial when found, else Skia's default), so <c>pdftotext</c> reads it.
/// </summary>
internal static class InvoicePdf
{
    private const float PageWidth = 595.28f;
    private const float PageHeight = 841.89f;
    private const float Margin = 50f;
    private const float FooterTop = PageHeight - 60f;

    private static readonly string[] RegularFonts =
    [
        "/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf",
        "/usr/share/fonts/dejavu/DejaVuSans.ttf",
        "/usr/share/fonts/TTF/DejaVuSans.ttf",
        "/Library/Fonts/Arial.ttf",
        "/System/Library/Fonts/Supplemental/Arial.ttf",
        @"C:\Windows\Fonts\arial.ttf",
    ];

    private static readonly string[] BoldFonts =
    [
        "/usr/share/fonts/truetype/dejavu/DejaVuSans-Bold.ttf",
        "/usr/share/fonts/dejavu/DejaVuSans-Bold.ttf",
        "/usr/share/fonts/TTF/DejaVuSans-Bold.ttf",
        "/Library/Fonts/Arial Bold.ttf",
        "/System/Library/Fonts/Supplemental/Arial Bold.ttf",
        @"C:\Windows\Fonts\arialbd.ttf",
    ];

    /// <summary>The PDF of an invoice as it stands now (a draft prints as DRAFT).</summary>
    public static byte[] Render(GigzillaStore store, Invoice invoice) => Render(InvoiceDocument.ForInvoice(store, invoice));

    /// <summary>The PDF of <paramref name="document"/>; <c>{number}.pdf</c> is the file name it is attached under.</summary>
    public static byte[] Render(InvoiceDocument document)
    {
        using var regularFace = LoadTypeface(RegularFonts);
        using var boldFace = LoadTypeface(BoldFonts);
        using var stream = new MemoryStream();
        var metadata = new SKDocumentPdfMetadata
        {
            Title = $"{(document.IsCreditNote ? "Credit note" : "Invoice")} {document.Number}",
            Author = document.Seller.BusinessName ?? document.Seller.Name,
            Creator = "Gigzilla",
            Producer = "Gigzilla (SkiaSharp)",
            // PDF/A-2b, the archival form invoices are kept in; Factur-X would need PDF/A-3 with the XML embedded,
            // which Skia cannot write, so the e-invoice travels beside the PDF instead.
            PdfA = true,
            Creation = new DateTime(document.IssueDate, TimeOnly.MinValue, DateTimeKind.Utc),
            Modified = new DateTime(document.IssueDate, TimeOnly.MinValue, DateTimeKind.Utc),
        };
        using (var pdf = SKDocument.CreatePdf(stream, metadata))
        {
            new Page(pdf, document, regularFace, boldFace).Draw();
            pdf.Close();
        }

        return stream.ToArray();
    }

    public static string FileName(InvoiceDocument document) => $"{document.Number}.pdf";

    private static SKTypeface LoadTypeface(string[] candidates) =>
        candidates.Where(File.Exists).Select(SKTypeface.FromFile).FirstOrDefault(face => face is not null) ?? SKTypeface.Default;

    /// <summary>"€1,500.00", "$80.50", "1,200.00 CHF".</summary>
    internal static string Amount(decimal amount, string currency)
    {
        var number = amount.ToString("#,0.00", CultureInfo.InvariantCulture);
        return currency switch
        {
            "EUR" => $"€{number}",
            "USD" => $"${number}",
            "GBP" => $"£{number}",
            _ => $"{number} {currency}",
        };
    }

    private static string Date(DateOnly date) => date.ToString("d MMM yyyy", CultureInfo.InvariantCulture);

    private static SKColor Brand(string? hex) =>
        hex is { Length: > 0 } && SKColor.TryParse(hex.Trim(), out var color) ? color : new SKColor(0x2B, 0x59, 0xC3);

    /// <summary>Draws top to bottom, starting a new page when the next block would not fit above the footer.</summary>
    private sealed class Page(SKDocument pdf, InvoiceDocument document, SKTypeface regularFace, SKTypeface boldFace)
    {
        private readonly SKFont regular = new(regularFace, 10);
        private readonly SKFont bold = new(boldFace, 10);
        private readonly SKFont title = new(boldFace, 22);
        private readonly SKFont small = new(regularFace, 8);
        private readonly SKPaint ink = new() { Color = new SKColor(0x22, 0x22, 0x22), IsAntialias = true };
        private readonly SKPaint muted = new() { Color = new SKColor(0x66, 0x66, 0x66), IsAntialias = true };
        private readonly SKPaint brand = new() { Color = Brand(document.Seller.BrandColor), IsAntialias = true };
        private readonly SKPaint white = new() { Color = SKColors.White, IsAntialias = true };
        private SKCanvas canvas = null!;
        private float y;
        private int pageNumber;

        public void Draw()
        {
            NewPage();
            Header();
            Parties();
            LinesTable();
            Totals();
            Notes();
            Payment();
            pdf.EndPage();
        }

        private void NewPage()
        {
            if (pageNumber > 0)
            {
                pdf.EndPage();
            }

            pageNumber++;
            canvas = pdf.BeginPage(PageWidth, PageHeight);
            canvas.DrawRect(0, 0, PageWidth, 6, brand);
            y = Margin;
            Footer();
        }

        private void EnsureRoom(float height)
        {
            if (y + height > FooterTop - 10)
            {
                NewPage();
            }
        }

        private void Header()
        {
            var logoBottom = y;
            if (LoadLogo(document.Seller.Logo) is { } logo)
            {
                using (logo)
                {
                    var scale = Math.Min(140f / logo.Width, 60f / logo.Height);
                    var rect = SKRect.Create(Margin, y, logo.Width * scale, logo.Height * scale);
                    canvas.DrawImage(logo, rect, new SKSamplingOptions(SKFilterMode.Linear));
                    logoBottom = rect.Bottom + 8;
                }
            }

            var right = PageWidth - Margin;
            canvas.DrawText(document.IsCreditNote ? "CREDIT NOTE" : "INVOICE", right, y + 20, SKTextAlign.Right, title, brand);
            var lineY = y + 38;
            Text($"No. {document.Number}", right, ref lineY, bold, ink, SKTextAlign.Right);
            Text($"Date: {Date(document.IssueDate)}", right, ref lineY, regular, ink, SKTextAlign.Right);
            if (document.DueDate is { } due)
            {
                Text($"Due: {Date(due)}", right, ref lineY, regular, ink, SKTextAlign.Right);
            }

            if (document.PrecedingInvoiceNumber is { } corrected)
            {
                var of = document.PrecedingInvoiceDate is { } date ? $" of {Date(date)}" : "";
                Text($"Corrects invoice {corrected}{of}", right, ref lineY, regular, ink, SKTextAlign.Right);
            }

            y = Math.Max(logoBottom, y);
            var seller = document.Seller;
            var sellerY = y;
            Text(seller.BusinessName ?? seller.Name, Margin, ref sellerY, bold, ink);
            if (seller.BusinessName is not null && seller.Name.Length > 0)
            {
                Text(seller.Name, Margin, ref sellerY, regular, ink);
            }

            foreach (var part in new[] { seller.Address, JoinNonEmpty(" ", seller.PostalCode, seller.City), seller.CountryCode, seller.Email, seller.Phone, seller.Website })
            {
                if (!string.IsNullOrWhiteSpace(part))
                {
                    Text(part, Margin, ref sellerY, regular, muted);
                }
            }

            if (!string.IsNullOrWhiteSpace(seller.VatId))
            {
                Text($"VAT ID: {seller.VatId}", Margin, ref sellerY, regular, muted);
            }

            y = Math.Max(sellerY, lineY) + 20;
        }

        private void Parties()
        {
            var buyer = document.Buyer;
            Text("Bill to", Margin, ref y, bold, brand);
            Text(buyer.Name, Margin, ref y, bold, ink);
            foreach (var part in (buyer.Address ?? "").Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Append(buyer.CountryCode ?? ""))
            {
                if (part.Length > 0)
                {
                    Text(part, Margin, ref y, regular, ink);
                }
            }

            if (!string.IsNullOrWhiteSpace(buyer.VatId))
            {
                Text($"VAT ID: {buyer.VatId}", Margin, ref y, regular, ink);
            }

            y += 20;
        }

        private static readonly float[] Columns = [Margin + 6, 330, 420, 470, PageWidth - Margin - 6];

        private void TableHeader()
        {
            canvas.DrawRect(Margin, y, PageWidth - 2 * Margin, 20, brand);
            var baseline = y + 14;
            canvas.DrawText("Description", Columns[0], baseline, SKTextAlign.Left, bold, white);
            canvas.DrawText("Qty", Columns[1], baseline, SKTextAlign.Right, bold, white);
            canvas.DrawText("Unit price", Columns[2], baseline, SKTextAlign.Right, bold, white);
            canvas.DrawText("VAT", Columns[3], baseline, SKTextAlign.Right, bold, white);
            canvas.DrawText("Amount", Columns[4], baseline, SKTextAlign.Right, bold, white);
            y += 26;
        }

        private void LinesTable()
        {
            EnsureRoom(60);
            TableHeader();
            foreach (var line in document.Lines)
            {
                var wrapped = Wrap(line.Description, regular, Columns[1] - Columns[0] - 50);
                if (y + wrapped.Count * 13 > FooterTop - 10)
                {
                    NewPage();
                    TableHeader();
                }

                var baseline = y + 10;
                canvas.DrawText(line.Quantity.ToString("0.##", CultureInfo.InvariantCulture), Columns[1], baseline, SKTextAlign.Right, regular, ink);
                canvas.DrawText(Amount(line.UnitPrice, document.Currency), Columns[2], baseline, SKTextAlign.Right, regular, ink);
                canvas.DrawText(document.ReverseCharge ? "RC" : $"{line.VatRate.ToString("0.##", CultureInfo.InvariantCulture)} %", Columns[3], baseline, SKTextAlign.Right, regular, ink);
                canvas.DrawText(Amount(line.Net, document.Currency), Columns[4], baseline, SKTextAlign.Right, regular, ink);
                foreach (var part in wrapped)
                {
                    canvas.DrawText(part, Columns[0], baseline, SKTextAlign.Left, regular, ink);
                    baseline += 13;
                }

                y = baseline + 2;
                canvas.DrawLine(Margin, y - 8, PageWidth - Margin, y - 8, muted);
            }

            y += 8;
        }

        private void Totals()
        {
            var totals = document.Totals;
            EnsureRoom(30 + totals.Vat.Count * 14);
            var label = Columns[3] - 60;
            var right = Columns[4];
            Row("Net", Amount(totals.Net, document.Currency), regular);
            foreach (var rate in totals.Vat.Where(rate => rate.Rate != 0))
            {
                Row($"VAT {rate.Rate.ToString("0.##", CultureInfo.InvariantCulture)} % on {Amount(rate.Net, document.Currency)}", Amount(rate.Vat, document.Currency), regular);
            }

            canvas.DrawRect(label - 150, y - 2, right - label + 156, 20, brand);
            canvas.DrawText(document.IsCreditNote ? "Total credited" : "Total due", label, y + 12, SKTextAlign.Right, bold, white);
            canvas.DrawText(Amount(totals.Total, document.Currency), right, y + 12, SKTextAlign.Right, bold, white);
            y += 32;

            void Row(string name, string value, SKFont font)
            {
                canvas.DrawText(name, label, y + 10, SKTextAlign.Right, font, ink);
                canvas.DrawText(value, right, y + 10, SKTextAlign.Right, font, ink);
                y += 15;
            }
        }

        private void Notes()
        {
            if (document.ReverseCharge)
            {
                Paragraph(InvoiceTotals.ReverseChargeNote, regular, ink);
            }

            if (document.IsCreditNote && document.Note is { Length: > 0 } reason)
            {
                Paragraph($"Reason: {reason}", regular, ink);
            }
        }

        private void Payment()
        {
            if (document.IsCreditNote)
            {
                return;
            }

            var seller = document.Seller;
            var payTo = new[]
            {
                seller.BankDetails,
                seller.Iban is { Length: > 0 } iban ? $"IBAN: {iban}" : null,
                seller.Bic is { Length: > 0 } bic ? $"BIC: {bic}" : null,
                seller.PaypalEmail is { Length: > 0 } paypal ? $"PayPal: {paypal}" : null,
            }.Where(part => !string.IsNullOrWhiteSpace(part)).ToList();
            EnsureRoom(30 + payTo.Count * 13);
            var due = document.DueDate is { } date ? $" by {Date(date)}" : "";
            Text("Payment", Margin, ref y, bold, brand);
            Paragraph($"Please pay {Amount(document.Totals.Total, document.Currency)}{due}, quoting {document.Number}.", regular, ink);
            foreach (var part in payTo)
            {
                foreach (var line in part!.Split('\n', StringSplitOptions.TrimEntries))
                {
                    Text(line, Margin, ref y, regular, ink);
                }
            }
        }

        private void Footer()
        {
            var footerY = FooterTop + 10;
            if (document.Seller.InvoiceFooter is { Length: > 0 } footer)
            {
                foreach (var line in Wrap(footer, small, PageWidth - 2 * Margin))
                {
                    canvas.DrawText(line, PageWidth / 2, footerY, SKTextAlign.Center, small, muted);
                    footerY += 10;
                }
            }

            canvas.DrawText($"{document.Number} · page {pageNumber}", PageWidth - Margin, PageHeight - 20, SKTextAlign.Right, small, muted);
        }

        private void Paragraph(string text, SKFont font, SKPaint paint)
        {
            var lines = Wrap(text, font, PageWidth - 2 * Margin);
            EnsureRoom(lines.Count * 13 + 6);
            foreach (var line in lines)
            {
                Text(line, Margin, ref y, font, paint);
            }

            y += 6;
        }

        private void Text(string text, float x, ref float top, SKFont font, SKPaint paint, SKTextAlign align = SKTextAlign.Left)
        {
            canvas.DrawText(text, x, top + font.Size, align, font, paint);
            top += font.Size + 3;
        }

        private static List<string> Wrap(string text, SKFont font, float width)
        {
            var lines = new List<string>();
            foreach (var paragraph in text.Split('\n'))
            {
                var current = "";
                foreach (var word in paragraph.Split(' ', StringSplitOptions.RemoveEmptyEntries))
                {
                    var candidate = current.Length == 0 ? word : $"{current} {word}";
                    if (current.Length > 0 && font.MeasureText(candidate) > width)
                    {
                        lines.Add(current);
                        current = word;
                    }
                    else
                    {
                        current = candidate;
                    }
                }

                lines.Add(current);
            }

            return lines;
        }

        private static string? JoinNonEmpty(string separator, params string?[] parts)
        {
            var joined = string.Join(separator, parts.Where(part => !string.IsNullOrWhiteSpace(part)));
            return joined.Length == 0 ? null : joined;
        }

        /// <summary>The logo from a file path or a base64 data URL (seed 001 allows both); null when unreadable.</summary>
        private static SKImage? LoadLogo(string? logo)
        {
            if (string.IsNullOrWhiteSpace(logo))
            {
                return null;
            }

            try
            {
                var bytes = logo.StartsWith("data:", StringComparison.Ordinal)
                    ? Convert.FromBase64String(logo[(logo.IndexOf(',', StringComparison.Ordinal) + 1)..])
                    : File.Exists(logo) ? File.ReadAllBytes(logo) : null;
                return bytes is null ? null : SKImage.FromEncodedData(bytes);
            }
            catch (FormatException)
            {
                return null;
            }
        }
    }
}
