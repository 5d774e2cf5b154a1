using Keel.Gigzilla.Store;
using Microsoft.Data.Sqlite;

namespace Keel.Gigzilla.Invoices;

/// <summary>
/// An invoice for one project. <see cref="Number"/> is null until the invoice is sent. <see cref="Amount"/> is the
/// total to pay: <see cref="NetAmount"/> plus <see cref="VatAmount"/>.
/// </summary>
internal sealed record Invoice(
    string Id,
    string? Number,
    string ProjectId,
    string ProjectTitle,
    string? ClientName,
    decimal Amount,
    decimal PaidAmount,
    string Currency,
    InvoiceStatus Status,
    DateOnly CreatedDate,
    DateOnly? SentDate,
    DateOnly? DueDate,
    DateOnly? PaidDate,
    decimal NetAmount,
    decimal VatAmount,
    bool ReverseCharge,
    decimal CreditedAmount)
{
    public const string SelectSql = """
        SELECT i.id, i.number, i.project_id, p.title, c.name, i.amount, i.paid_amount, i.currency, i.status,
               i.created_date, i.sent_date, i.due_date, i.paid_date, i.net_amount, i.vat_amount, i.reverse_charge, i.credited_amount
        FROM invoices i JOIN projects p ON p.id = i.project_id LEFT JOIN clients c ON c.id = i.client_id
        """;

    public Money Total => new(Amount, Currency);

    /// <summary>What the client still owes: the total less payments and credit notes.</summary>
    public Money Remaining => new(Amount - PaidAmount - CreditedAmount, Currency);

    /// <summary>The number once sent, else "draft 1a2b3c4d".</summary>
    public string Label => Number ?? $"draft {StoredValues.ShortId(Id)}";

    public static Invoice Read(SqliteDataReader reader) => new(
        reader.GetString(0),
        reader.NullableString(1),
        reader.GetString(2),
        reader.GetString(3),
        reader.NullableString(4),
        reader.Amount(5),
        reader.Amount(6),
        reader.GetString(7),
        InvoiceStatusNames.FromStored(reader.GetString(8)),
        reader.Date(9),
        reader.NullableDate(10),
        reader.NullableDate(11),
        reader.NullableDate(12),
        reader.Amount(13),
        reader.Amount(14),
        reader.GetInt64(15) != 0,
        reader.Amount(16));
}
