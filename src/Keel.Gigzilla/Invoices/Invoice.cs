using Keel.Gigzilla.Store;
using Microsoft.Data.Sqlite;

namespace Keel.Gigzilla.Invoices;

/// <summary>An invoice for one project. <see cref="Number"/> is null until the invoice is sent.</summary>
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
    DateOnly? PaidDate)
{
    public const string SelectSql = """
        SELECT i.id, i.number, i.project_id, p.title, c.name, i.amount, i.paid_amount, i.currency, i.status,
               i.created_date, i.sent_date, i.due_date, i.paid_date
        FROM invoices i JOIN projects p ON p.id = i.project_id LEFT JOIN clients c ON c.id = i.client_id
        """;

    public Money Total => new(Amount, Currency);

    public Money Remaining => new(Amount - PaidAmount, Currency);

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
        reader.NullableDate(12));
}
