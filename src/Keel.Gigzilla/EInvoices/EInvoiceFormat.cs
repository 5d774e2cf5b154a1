using System.Text;
using System.Xml.Linq;
using Keel.Gigzilla.Invoices;

namespace Keel.Gigzilla.EInvoices;

/// <summary>The two EN 16931 syntaxes: <c>cii</c> (Factur-X / ZUGFeRD) and <c>ubl</c> (XRechnung).</summary>
internal static class EInvoiceFormat
{
    public const string Cii = "cii";
    public const string Ubl = "ubl";

    public static bool IsKnown(string format) => format is Cii or Ubl;

    /// <summary>The e-invoice as UTF-8 bytes, or why it cannot be made.</summary>
    public static Outcome<byte[]> Render(InvoiceDocument document, string format)
    {
        if (!IsKnown(format))
        {
            return new Failure($"unknown e-invoice format '{format}': use cii (Factur-X/ZUGFeRD) or ubl (XRechnung)");
        }

        if (EInvoiceTerms.Problem(document) is { } problem)
        {
            return new Failure(problem);
        }

        var xml = format == Cii ? FacturXInvoice.Create(document) : XRechnungInvoice.Create(document);
        return Bytes(xml);
    }

    /// <summary>The name the XML is attached or saved under: <c>INV-2026-001.cii.xml</c>.</summary>
    public static string FileName(InvoiceDocument document, string format) => $"{document.Number}.{format}.xml";

    private static byte[] Bytes(XDocument xml)
    {
        using var stream = new MemoryStream();
        using (var writer = System.Xml.XmlWriter.Create(stream, new System.Xml.XmlWriterSettings { Encoding = new UTF8Encoding(false), Indent = true }))
        {
            xml.Save(writer);
        }

        return stream.ToArray();
    }
}
