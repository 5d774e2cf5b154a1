namespace Keel.Gigzilla.Invoices;

/// <summary>How a payment arrived, as stored: paypal, stripe, bank_transfer, cash or other.</summary>
internal static class PaymentMethod
{
    public static readonly IReadOnlyList<string> All = ["paypal", "stripe", "bank_transfer", "cash", "other"];

    public const string Default = "bank_transfer";
}
