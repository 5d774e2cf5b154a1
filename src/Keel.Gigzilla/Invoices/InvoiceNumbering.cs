using Keel.Gigzilla.Settings;
using Keel.Gigzilla.Store;

namespace Keel.Gigzilla.Invoices;

/// <summary>
/// Takes the next number of the one sequence shared by invoices and credit notes: per year when
/// <c>invoiceResetYearly</c> (restarting at <c>invoiceStartNumber</c>), else forever. A number taken is never
/// given again, even when its invoice is cancelled. Call inside the transaction that stores the number.
/// </summary>
internal static class InvoiceNumbering
{
    public static Outcome<string> Next(GigzillaStore store, WorkspaceSettings settings, DateOnly today)
    {
        if (InvoiceNumberFormat.Problem(settings.InvoiceNumberFormat, settings.InvoiceResetYearly) is { } problem)
        {
            return new Failure(problem);
        }

        var period = settings.InvoiceResetYearly ? today.Year : 0;
        var last = store.Scalar("SELECT last_number FROM invoice_number_counters WHERE period = $period", ("$period", period)) is long value ? value : 0;
        var sequence = (int)Math.Max(last + 1, settings.InvoiceStartNumber);
        var number = InvoiceNumberFormat.Render(settings.InvoiceNumberFormat, today, sequence);
        var taken = store.Scalar(
            "SELECT 1 FROM invoices WHERE number = $number UNION ALL SELECT 1 FROM credit_notes WHERE number = $number",
            ("$number", number));
        if (taken is not null)
        {
            return new Failure($"invoice number {number} is already taken; raise invoiceStartNumber or change invoiceNumberFormat");
        }

        store.Execute(
            "INSERT INTO invoice_number_counters (period, last_number) VALUES ($period, $sequence) ON CONFLICT (period) DO UPDATE SET last_number = excluded.last_number",
            ("$period", period),
            ("$sequence", sequence));
        return number;
    }
}
