namespace Keel.Gigzilla.Clients;

/// <summary>
/// How a client pays, over invoices that have come due: those paid, and those still open past their due date
/// (counted late by the days so far, so that a client who never pays does not look punctual).
/// </summary>
/// <param name="TotalInvoices">Invoices that have come due.</param>
/// <param name="PaidOnTime">Of those, paid in full on or before the due date.</param>
/// <param name="OnTimeRate">PaidOnTime / TotalInvoices, 0 to 1; null when no invoice has come due yet.</param>
/// <param name="AverageDaysLate">Average days past the due date, on-time invoices counting 0; null when none has come due.</param>
internal sealed record ClientPaymentMetrics(int TotalInvoices, int PaidOnTime, decimal? OnTimeRate, decimal? AverageDaysLate)
{
    public static readonly ClientPaymentMetrics None = new(0, 0, null, null);
}
