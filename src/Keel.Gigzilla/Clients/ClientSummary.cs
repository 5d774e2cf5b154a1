namespace Keel.Gigzilla.Clients;

/// <summary>A client as listed by <c>gigzilla clients</c>: open projects, what is still owed, and how they pay.</summary>
internal sealed record ClientSummary(Client Client, int OpenProjects, IReadOnlyList<Money> Unpaid, ClientPaymentMetrics Metrics);
