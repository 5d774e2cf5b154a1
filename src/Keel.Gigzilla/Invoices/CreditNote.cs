namespace Keel.Gigzilla.Invoices;

/// <summary>A correction of a sent invoice, numbered in the invoices' sequence; it lowers what the client owes.</summary>
internal sealed record CreditNote(string Id, string Number, string InvoiceId, Money Amount, string Reason, DateOnly IssuedDate);
