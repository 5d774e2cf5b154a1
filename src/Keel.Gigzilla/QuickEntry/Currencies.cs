using System.Collections.Frozen;

namespace Keel.Gigzilla.QuickEntry;

/// <summary>Currency symbols, ISO codes and everyday names that mark a number as money.</summary>
internal static class Currencies
{
    private static readonly FrozenDictionary<char, string> Symbols = new Dictionary<char, string>
    {
        ['€'] = "EUR",
        ['$'] = "USD",
        ['£'] = "GBP",
        ['¥'] = "JPY",
        ['₹'] = "INR",
        ['₽'] = "RUB",
        ['₩'] = "KRW",
        ['₺'] = "TRY",
        ['₪'] = "ILS",
        ['₴'] = "UAH",
        ['₱'] = "PHP",
    }.ToFrozenDictionary();

    private static readonly FrozenSet<string> IsoCodes = new[]
    {
        "EUR", "USD", "GBP", "JPY", "CHF", "CAD", "AUD", "NZD", "SEK", "NOK", "DKK", "ISK", "PLN", "CZK",
        "HUF", "RON", "BGN", "INR", "CNY", "HKD", "SGD", "BRL", "MXN", "ZAR", "TRY", "ILS", "AED", "KRW",
    }.ToFrozenSet(StringComparer.OrdinalIgnoreCase);

    private static readonly FrozenDictionary<string, string> Names = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase)
    {
        ["euro"] = "EUR",
        ["euros"] = "EUR",
        ["dollar"] = "USD",
        ["dollars"] = "USD",
        ["bucks"] = "USD",
        ["pound"] = "GBP",
        ["pounds"] = "GBP",
        ["quid"] = "GBP",
        ["sterling"] = "GBP",
        ["yen"] = "JPY",
        ["franc"] = "CHF",
        ["francs"] = "CHF",
        ["rupees"] = "INR",
        ["zł"] = "PLN",
        ["zloty"] = "PLN",
    }.ToFrozenDictionary(StringComparer.OrdinalIgnoreCase);

    // Prefixes written against a dollar sign: "US$", "CA$", "A$".
    private static readonly FrozenDictionary<string, string> DollarPrefixes = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase)
    {
        ["US"] = "USD",
        ["CA"] = "CAD",
        ["C"] = "CAD",
        ["AU"] = "AUD",
        ["A"] = "AUD",
        ["NZ"] = "NZD",
        ["HK"] = "HKD",
        ["S"] = "SGD",
        ["R"] = "BRL",
    }.ToFrozenDictionary(StringComparer.OrdinalIgnoreCase);

    public static bool IsSymbol(char c) => Symbols.ContainsKey(c);

    public static string FromSymbol(char c) => Symbols[c];

    public static bool IsCode(string word) => word.Length == 3 && IsoCodes.Contains(word);

    /// <summary>The ISO code for an ISO code or a currency name written after an amount ("500 usd", "40 quid").</summary>
    public static string? FromWordAfterAmount(string word) =>
        IsCode(word) ? word.ToUpperInvariant() : Names.GetValueOrDefault(word);

    public static string? FromDollarPrefix(string word) => DollarPrefixes.GetValueOrDefault(word);
}
