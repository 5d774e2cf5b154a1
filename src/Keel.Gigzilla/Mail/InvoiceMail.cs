using Keel.Gigzilla.EInvoices;
using Keel.Gigzilla.Invoices;
using Keel.Gigzilla.Settings;

namespace Keel.Gigzilla.Mail;

/// <summary>
/// The mail that carries an invoice (or a reminder of it) to the client: the text, the PDF, and the EN 16931 XML in
/// the settings' format. When the XML cannot be made (a mandatory term such as the seller's country is missing) the
/// mail still goes with the PDF and <see cref="Composed.Warning"/> says why.
/// </summary>
internal static class InvoiceMail
{
    public sealed record Composed(OutgoingMail Mail, string? Warning);

    public static Outcome<Composed> Compose(Store.GigzillaStore store, Invoice invoice, string purpose, string subject, string body)
    {
        var document = InvoiceDocument.ForInvoice(store, invoice);
        if (document.Buyer.Email is not { Length: > 0 } to)
        {
            return new Failure($"client {invoice.ClientName ?? "(none)"} has no email address: gigzilla clients set \"{invoice.ClientName}\" --email ADDRESS");
        }

        if (document.Seller.Email.Length == 0)
        {
            return new Failure("your email address is not set, so mail cannot be sent from it: gigzilla profile set email you@example.com");
        }

        var attachments = new List<MailAttachment> { new(InvoicePdf.FileName(document), "application/pdf", InvoicePdf.Render(document)) };
        var format = SettingsDocuments.LoadSettings(store).EInvoiceFormat;
        var xml = EInvoiceFormat.Render(document, EInvoiceFormat.IsKnown(format) ? format : EInvoiceFormat.Cii);
        if (xml.Value is { } bytes)
        {
            attachments.Add(new MailAttachment(EInvoiceFormat.FileName(document, format), "application/xml", bytes));
        }

        var signature = document.Seller.EmailSignature is { Length: > 0 } text ? text : document.Seller.BusinessName ?? document.Seller.Name;
        return new Composed(new OutgoingMail(purpose, invoice.Id, to, subject, $"{body}\n\n{signature}\n", attachments), xml.Failure is { } failure ? $"e-invoice not attached: {failure.Message}" : null);
    }

    /// <summary>Puts the mail for a just-sent invoice in the outbox.</summary>
    public static Outcome<Composed> QueueInvoice(Store.GigzillaStore store, Invoice invoice)
    {
        var due = invoice.DueDate is { } date ? $" It is due on {date:MMMM d, yyyy}." : "";
        var composed = Compose(
            store,
            invoice,
            OutgoingMail.InvoicePurpose,
            $"Invoice {invoice.Number} · {invoice.ProjectTitle}",
            $"Hello,\n\nplease find attached invoice {invoice.Number} for {invoice.ProjectTitle}: {invoice.Total}.{due}\n\nThank you!");
        if (composed.Value is { } value)
        {
            Outbox.Queue(store, value.Mail);
        }

        return composed;
    }
}
