using Keel.Gigzilla.Store;

namespace Keel.Gigzilla.Clients;

/// <summary>Every client by name, with open projects, what they still owe per currency and their payment metrics.</summary>
internal static class ListClients
{
    public static IReadOnlyList<ClientSummary> Run(GigzillaStore store)
    {
        var today = store.Today;
        var clients = store.Query(
            """
            SELECT c.id, c.name, c.email, c.reminder_strategy,
                   (SELECT COUNT(*) FROM projects p WHERE p.client_id = c.id AND p.status IN ('to_start', 'working'))
            FROM clients c ORDER BY c.name COLLATE NOCASE
            """,
            reader => (Client: new Client(reader.GetString(0), reader.GetString(1), reader.NullableString(2), reader.GetString(3)), Open: reader.GetInt32(4)));

        var invoices = store.Query(
            """
            SELECT client_id, status, amount, paid_amount, currency, due_date, paid_date
            FROM invoices WHERE client_id IS NOT NULL AND status IN ('sent', 'partial', 'paid')
            """,
            reader => new DueInvoice(
                reader.GetString(0),
                reader.GetString(1),
                new Money(reader.Amount(2) - reader.Amount(3), reader.GetString(4)),
                reader.NullableDate(5),
                reader.NullableDate(6)))
            .ToLookup(invoice => invoice.ClientId);

        return clients
            .Select(row => new ClientSummary(
                row.Client,
                row.Open,
                Money.TotalPerCurrency(invoices[row.Client.Id].Where(invoice => invoice.Status != "paid").Select(invoice => invoice.Remaining)),
                Metrics(invoices[row.Client.Id], today)))
            .ToList();
    }

    /// <summary>The metrics of one client's sent, partial and paid invoices as of <paramref name="today"/>.</summary>
    internal static ClientPaymentMetrics Metrics(IEnumerable<DueInvoice> invoices, DateOnly today)
    {
        var daysLate = new List<int>();
        var onTime = 0;
        foreach (var invoice in invoices)
        {
            if (invoice.DueDate is not { } due)
            {
                continue;
            }

            if (invoice.Status == "paid" && invoice.PaidDate is { } paid)
            {
                var late = Math.Max(0, paid.DayNumber - due.DayNumber);
                onTime += late == 0 ? 1 : 0;
                daysLate.Add(late);
            }
            else if (today > due)
            {
                daysLate.Add(today.DayNumber - due.DayNumber);
            }
        }

        return daysLate.Count == 0
            ? ClientPaymentMetrics.None
            : new ClientPaymentMetrics(
                daysLate.Count,
                onTime,
                Math.Round((decimal)onTime / daysLate.Count, 4),
                Math.Round((decimal)daysLate.Sum() / daysLate.Count, 1));
    }

    internal sealed record DueInvoice(string ClientId, string Status, Money Remaining, DateOnly? DueDate, DateOnly? PaidDate);
}
