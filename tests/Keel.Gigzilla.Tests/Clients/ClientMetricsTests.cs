using Keel.Gigzilla.Clients;
using Keel.Gigzilla.Invoices;

namespace Keel.Gigzilla.Tests.Clients;

public sealed class ClientMetricsTests : IDisposable
{
    private readonly TestWorkspace workspace = new();

    [Fact]
    public void On_time_rate_and_average_days_late_count_paid_invoices_and_open_ones_past_due()
    {
        using var store = workspace.OpenStore();
        foreach (var line in new[] { "Logo for Acme Corp, 100", "Site for Acme Corp, 200", "Banner for Acme Corp, 300" })
        {
            var project = workspace.AddProject(store, line);
            CreateInvoice.Run(store, project.Id);
            SendInvoice.Run(store, project.Id);
        }

        // All three were sent on Feb 1 and are due Feb 15.
        workspace.SetToday(new DateOnly(2026, 2, 14));
        RecordPayment.Run(store, new RecordPayment.Request("INV-2026-001", 100m));
        workspace.SetToday(new DateOnly(2026, 2, 21));
        RecordPayment.Run(store, new RecordPayment.Request("INV-2026-002", 200m));
        workspace.SetToday(new DateOnly(2026, 2, 27));

        var acme = ListClients.Run(store).Single();

        // Paid on time (0 days), paid 6 days late, open and 12 days late so far.
        acme.Metrics.ShouldBe(new ClientPaymentMetrics(3, 1, 0.3333m, 6m));
        acme.Unpaid.ShouldBe([new Money(300m, "EUR")]);
    }

    [Fact]
    public void A_client_with_nothing_due_yet_has_no_metrics()
    {
        using var store = workspace.OpenStore();
        workspace.AddProject(store, "Logo for Acme Corp, 100");

        ListClients.Run(store).Single().Metrics.ShouldBe(ClientPaymentMetrics.None);
    }

    public void Dispose() => workspace.Dispose();
}
