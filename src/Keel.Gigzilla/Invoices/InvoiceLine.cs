namespace Keel.Gigzilla.Invoices;

/// <summary>One line of an invoice; <see cref="VatRate"/> is a percentage (19 for 19 %).</summary>
internal sealed record InvoiceLine(int Position, string Description, decimal Quantity, decimal UnitPrice, decimal VatRate)
{
    public decimal Net => Math.Round(Quantity * UnitPrice, 2, MidpointRounding.AwayFromZero);
}
