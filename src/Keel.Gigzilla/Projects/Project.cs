using Keel.Gigzilla.Store;
using Microsoft.Data.Sqlite;

namespace Keel.Gigzilla.Projects;

/// <summary>A piece of work for a client. <see cref="HasOpenInvoice"/> marks a done project as invoiced.</summary>
internal sealed record Project(
    string Id,
    string Title,
    string? ClientId,
    string? ClientName,
    decimal? Amount,
    string Currency,
    ProjectStatus Status,
    DateOnly? Deadline,
    bool HasOpenInvoice)
{
    public const string SelectSql = """
        SELECT p.id, p.title, p.client_id, c.name, p.amount, p.currency, p.status, p.deadline,
               EXISTS (SELECT 1 FROM invoices i WHERE i.project_id = p.id AND i.status IN ('sent', 'partial'))
        FROM projects p LEFT JOIN clients c ON c.id = p.client_id
        """;

    public string ShortId => StoredValues.ShortId(Id);

    /// <summary>"Logo (Acme Corp)".</summary>
    public string Label => ClientName is null ? Title : $"{Title} ({ClientName})";

    public static Project Read(SqliteDataReader reader) => new(
        reader.GetString(0),
        reader.GetString(1),
        reader.NullableString(2),
        reader.NullableString(3),
        reader.NullableAmount(4),
        reader.GetString(5),
        ProjectStatusNames.FromStored(reader.GetString(6)),
        reader.NullableDate(7),
        reader.GetInt64(8) != 0);
}
