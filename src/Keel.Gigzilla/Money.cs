using System.Globalization;

namespace Keel.Gigzilla;

/// <summary>An amount in one ISO 4217 currency. Amounts in different currencies are never added together.</summary>
internal readonly record struct Money(decimal Amount, string Currency)
{
    /// <summary>Totals per currency, in currency order, leaving out currencies whose total is zero.</summary>
    public static IReadOnlyList<Money> TotalPerCurrency(IEnumerable<Money> amounts) =>
        amounts
            .GroupBy(money => money.Currency, StringComparer.Ordinal)
            .Select(group => new Money(group.Sum(money => money.Amount), group.Key))
            .Where(total => total.Amount != 0)
            .OrderBy(total => total.Currency, StringComparer.Ordinal)
            .ToList();

    /// <summary>"€1,500", "$1,250.50", "1,200 CHF".</summary>
    public override string ToString()
    {
        var number = Amount.ToString(Amount == decimal.Truncate(Amount) ? "#,0" : "#,0.00", CultureInfo.InvariantCulture);
        return Currency switch
        {
            "EUR" => $"€{number}",
            "USD" => $"${number}",
            "GBP" => $"£{number}",
            "JPY" => $"¥{number}",
            _ => $"{number} {Currency}",
        };
    }
}
