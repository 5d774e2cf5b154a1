using System.Globalization;
using Keel.Gigzilla.Store;

namespace Keel.Gigzilla.Exchange;

/// <summary>
/// Writes the workspace as CSV files in a folder: clients.csv, projects.csv, invoices.csv, payments.csv and
/// credit_notes.csv. Amounts are plain decimals with a point, dates YYYY-MM-DD, one currency column per amount.
/// </summary>
internal static class ExportCsv
{
    public static readonly IReadOnlyList<string> Files = ["clients.csv", "projects.csv", "invoices.csv", "payments.csv", "credit_notes.csv"];

    private static readonly (string File, string Sql)[] Tables =
    [
        ("clients.csv", "SELECT id, name, email, phone, address, website, notes, reminder_strategy, created_at FROM clients ORDER BY name"),
        ("projects.csv", """
            SELECT p.id, p.title, c.name AS client, p.amount, p.currency, p.status, p.deadline, p.platform, p.notes, p.created_at
            FROM projects p LEFT JOIN clients c ON c.id = p.client_id ORDER BY p.created_at
            """),
        ("invoices.csv", """
            SELECT i.id, i.number, i.project_id, p.title AS project, c.name AS client, i.status, i.net_amount, i.vat_amount,
                   i.amount AS total, i.paid_amount, i.credited_amount, i.currency, i.reverse_charge,
                   i.created_date, i.sent_date, i.due_date, i.paid_date
            FROM invoices i JOIN projects p ON p.id = i.project_id LEFT JOIN clients c ON c.id = i.client_id ORDER BY i.created_date, i.number
            """),
        ("payments.csv", """
            SELECT y.id, i.number AS invoice, y.invoice_id, y.amount, y.currency, y.method, y.transaction_id, y.received_date
            FROM payments y JOIN invoices i ON i.id = y.invoice_id ORDER BY y.received_date
            """),
        ("credit_notes.csv", """
            SELECT n.id, n.number, i.number AS invoice, n.invoice_id, n.amount, n.currency, n.reason, n.issued_date
            FROM credit_notes n JOIN invoices i ON i.id = n.invoice_id ORDER BY n.number
            """),
    ];

    /// <summary>Writes the files into <paramref name="folder"/>, each first to a temporary name then moved in place.</summary>
    public static IReadOnlyList<(string File, int Rows)> Run(GigzillaStore store, string folder)
    {
        Directory.CreateDirectory(folder);
        var written = new List<(string, int)>();
        foreach (var (file, sql) in Tables)
        {
            var path = Path.Combine(folder, file);
            var temporary = path + ".partial";
            var rows = 0;
            using (var command = store.Command(sql))
            using (var reader = command.ExecuteReader())
            using (var writer = new StreamWriter(temporary))
            {
                CsvFormat.WriteRecord(writer, Enumerable.Range(0, reader.FieldCount).Select(reader.GetName));
                while (reader.Read())
                {
                    CsvFormat.WriteRecord(
                        writer,
                        Enumerable.Range(0, reader.FieldCount).Select(i => reader.IsDBNull(i) ? "" : Convert.ToString(reader.GetValue(i), CultureInfo.InvariantCulture)));
                    rows++;
                }
            }

            File.Move(temporary, path, overwrite: true);
            written.Add((file, rows));
        }

        return written;
    }
}
