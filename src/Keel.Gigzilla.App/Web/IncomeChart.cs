using System.Globalization;
using Keel.Gigzilla.Store;
using static Keel.Gigzilla.App.Web.Html;

namespace Keel.Gigzilla.App.Web;

/// <summary>Money received in each of the last 12 months, in one currency (currencies are never added), as inline SVG.</summary>
internal static class IncomeChart
{
    public static IReadOnlyList<(DateOnly Month, decimal Total)> Load(GigzillaStore store, string currency)
    {
        var today = store.Today;
        var first = new DateOnly(today.Year, today.Month, 1).AddMonths(-11);
        var totals = store.Query(
                "SELECT substr(received_date, 1, 7), amount FROM payments WHERE currency = $currency AND received_date >= $first",
                reader => (Month: reader.GetString(0), Amount: reader.Amount(1)),
                ("$currency", currency),
                ("$first", first))
            .GroupBy(row => row.Month)
            .ToDictionary(group => group.Key, group => group.Sum(row => row.Amount));
        return Enumerable.Range(0, 12)
            .Select(offset => first.AddMonths(offset))
            .Select(month => (month, totals.GetValueOrDefault(month.ToString("yyyy-MM", CultureInfo.InvariantCulture))))
            .ToList();
    }

    public static string Svg(IReadOnlyList<(DateOnly Month, decimal Total)> months, string currency)
    {
        const int width = 720, height = 200, top = 20, bottom = 24;
        var max = Math.Max(1m, months.Max(month => month.Total));
        var slot = width / (double)months.Count;
        var bars = string.Concat(months.Select((month, index) =>
        {
            var barHeight = (double)(month.Total / max) * (height - top - bottom);
            var x = index * slot + slot * 0.2;
            var y = height - bottom - barHeight;
            var label = month.Month.ToString("MMM", CultureInfo.InvariantCulture);
            var amount = new Money(month.Total, currency).ToString();
            return $"""
                <g><title>{E(label)} {month.Month.Year}: {E(amount)}</title>
                <rect x="{x:0.#}" y="{y:0.#}" width="{slot * 0.6:0.#}" height="{barHeight:0.#}" rx="3" class="bar"></rect>
                <text x="{x + slot * 0.3:0.#}" y="{height - 6}" text-anchor="middle" class="axis">{E(label)}</text></g>
                """;
        }));
        return $"""<svg class="chart" viewBox="0 0 {width} {height}" role="img" aria-label="Income per month in {E(currency)}, last 12 months">{bars}</svg>""";
    }
}
