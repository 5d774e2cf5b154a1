namespace Keel.Gigzilla.Invoices;

/// <summary>draft → sent → partial → paid, or cancelled. Only a draft can change; a sent invoice is locked.</summary>
internal enum InvoiceStatus
{
    Draft,
    Sent,
    Partial,
    Paid,
    Cancelled,
}

internal static class InvoiceStatusNames
{
    public static string ToStored(this InvoiceStatus status) => status switch
    {
        InvoiceStatus.Draft => "draft",
        InvoiceStatus.Sent => "sent",
        InvoiceStatus.Partial => "partial",
        InvoiceStatus.Paid => "paid",
        InvoiceStatus.Cancelled => "cancelled",
        _ => throw new ArgumentOutOfRangeException(nameof(status), status, null),
    };

    public static InvoiceStatus FromStored(string value) => value switch
    {
        "draft" => InvoiceStatus.Draft,
        "sent" => InvoiceStatus.Sent,
        "partial" => InvoiceStatus.Partial,
        "paid" => InvoiceStatus.Paid,
        "cancelled" => InvoiceStatus.Cancelled,
        _ => throw new InvalidDataException($"Unknown invoice status '{value}' in the store."),
    };
}
