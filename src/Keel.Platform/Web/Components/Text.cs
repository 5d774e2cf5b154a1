using System.Globalization;

namespace Keel.Platform.Web.Components;

/// <summary>How the pages write dates, money and feature names.</summary>
internal static class Text
{
    public static string Date(DateTimeOffset? value) => value is { } v ? v.UtcDateTime.ToString("d MMM yyyy", CultureInfo.InvariantCulture) : "—";

    public static string DateTime(DateTimeOffset? value) =>
        value is { } v ? v.UtcDateTime.ToString("d MMM yyyy, HH:mm 'UTC'", CultureInfo.InvariantCulture) : "—";

    public static string Money(decimal amount, string currency)
    {
        var symbol = currency.ToUpperInvariant() switch { "EUR" => "€", "USD" => "$", "GBP" => "£", _ => currency.ToUpperInvariant() + " " };
        return symbol + (amount == Math.Round(amount) ? amount.ToString("N0", CultureInfo.InvariantCulture) : amount.ToString("N2", CultureInfo.InvariantCulture));
    }

    /// <summary>uploads_per_month → Uploads per month.</summary>
    public static string Feature(string name)
    {
        var words = name.Replace('_', ' ');
        return words.Length == 0 ? words : char.ToUpperInvariant(words[0]) + words[1..];
    }

    public static string Percent(double? share) => share is { } s ? s.ToString("P0", CultureInfo.InvariantCulture) : "—";
}
