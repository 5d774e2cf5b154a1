namespace Keel.Gigzilla.Mail;

/// <summary>A message to put in the outbox: an invoice or a reminder for one invoice, with its attachments.</summary>
internal sealed record OutgoingMail(string Purpose, string? InvoiceId, string To, string Subject, string Body, IReadOnlyList<MailAttachment> Attachments)
{
    public const string InvoicePurpose = "invoice";
    public const string ReminderPurpose = "reminder";
}

internal sealed record MailAttachment(string FileName, string ContentType, byte[] Content);
