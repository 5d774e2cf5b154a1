using BenchmarkDotNet.Attributes;
using Keel.Gigzilla.Store;

namespace Keel.Gigzilla.Bench;

/// <summary>
/// <c>LoadDashboard</c> over a store of 10,000 projects, 50,000 invoices and their payments, a few years of
/// freelancing over 200 clients and 3 currencies: 90 % of invoices paid, 8 % open (sent in the last 75 days, so
/// most of them overdue), 2 % cancelled; 10 % of projects unfinished, with deadlines from two weeks ago to three months ahead.
/// </summary>
[MemoryDiagnoser]
public class DashboardBenchmark
{
    private const int Projects = 10_000;
    private const int Invoices = 50_000;
    private static readonly DateOnly Today = new(2026, 2, 1);
    private static readonly string[] Currencies = ["EUR", "USD", "GBP"];

    private string directory = "";
    private GigzillaStore? store;

    [GlobalSetup]
    public void Seed()
    {
        directory = Path.Combine(Path.GetTempPath(), "gigzilla-bench", Guid.NewGuid().ToString("N"));
        store = GigzillaStore.Open(directory, new FixedClock(new DateTimeOffset(Today.ToDateTime(new TimeOnly(10, 0)), TimeSpan.Zero)));
        var random = new Random(42);
        store.Write<int>(() =>
        {
            var clients = Enumerable.Range(0, 200).Select(i => $"client{i:D4}".PadRight(32, '0')).ToArray();
            foreach (var (id, index) in clients.Select((id, index) => (id, index)))
            {
                store.Execute(
                    "INSERT INTO clients (id, name, created_at, updated_at) VALUES ($id, $name, 'then', 'then')",
                    ("$id", id),
                    ("$name", $"Client {index}"));
            }

            var projectIds = new string[Projects];
            for (var p = 0; p < Projects; p++)
            {
                projectIds[p] = StoredValues.NewId();
                var roll = random.Next(100);
                var status = roll < 80 ? "paid" : roll < 90 ? "done" : roll < 95 ? "working" : "to_start";
                store.Execute(
                    """
                    INSERT INTO projects (id, client_id, title, amount, currency, status, deadline, created_at, updated_at)
                    VALUES ($id, $client, $title, $amount, $currency, $status, $deadline, 'then', 'then')
                    """,
                    ("$id", projectIds[p]),
                    ("$client", clients[p % clients.Length]),
                    ("$title", $"Project {p}"),
                    ("$amount", 100m + random.Next(5_000)),
                    ("$currency", Currencies[p % Currencies.Length]),
                    ("$status", status),
                    ("$deadline", status is "to_start" or "working" ? Today.AddDays(random.Next(-14, 90)) : Today.AddDays(random.Next(-1_100, 0))));
            }

            for (var i = 0; i < Invoices; i++)
            {
                var id = StoredValues.NewId();
                var amount = 100m + random.Next(5_000) + random.Next(100) / 100m;
                var roll = random.Next(100);
                var status = roll < 90 ? "paid" : roll < 95 ? "sent" : roll < 98 ? "partial" : "cancelled";
                var open = status is "sent" or "partial";
                var sent = Today.AddDays(-random.Next(0, open ? 75 : 1_100));
                var paid = status switch { "paid" => amount, "partial" => Math.Round(amount / 2, 2), _ => 0m };
                var paidDate = sent.AddDays(random.Next(0, 40));
                store.Execute(
                    """
                    INSERT INTO invoices (id, number, project_id, client_id, amount, net_amount, paid_amount, currency, status,
                                          created_date, sent_date, due_date, paid_date)
                    VALUES ($id, $number, $project, $client, $amount, $amount, $paid, $currency, $status, $sent, $sent, $due, $paidDate)
                    """,
                    ("$id", id),
                    ("$number", $"INV-{i:D6}"),
                    ("$project", projectIds[i % Projects]),
                    ("$client", $"client{i % Projects % 200:D4}".PadRight(32, '0')),
                    ("$amount", amount),
                    ("$paid", paid),
                    ("$currency", Currencies[i % Projects % Currencies.Length]),
                    ("$status", status),
                    ("$sent", sent),
                    ("$due", sent.AddDays(14)),
                    ("$paidDate", status == "paid" ? paidDate : null));
                if (paid > 0)
                {
                    store.Execute(
                        "INSERT INTO payments (id, invoice_id, amount, currency, method, received_date) VALUES ($id, $invoice, $amount, $currency, 'bank_transfer', $date)",
                        ("$id", StoredValues.NewId()),
                        ("$invoice", id),
                        ("$amount", paid),
                        ("$currency", Currencies[i % Projects % Currencies.Length]),
                        ("$date", paidDate > Today ? Today : paidDate));
                }
            }

            return 0;
        });
        store.Execute("ANALYZE");
    }

    [Benchmark]
    public object LoadDashboard() => Dashboard.LoadDashboard.Run(store!);

    [GlobalCleanup]
    public void Cleanup()
    {
        store?.Dispose();
        Directory.Delete(directory, recursive: true);
    }

    private sealed class FixedClock(DateTimeOffset now) : TimeProvider
    {
        public override DateTimeOffset GetUtcNow() => now;

        public override TimeZoneInfo LocalTimeZone => TimeZoneInfo.Utc;
    }
}
