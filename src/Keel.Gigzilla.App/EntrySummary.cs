using System.Globalization;
using Keel.Gigzilla.QuickEntry;

namespace Keel.Gigzilla.App;

/// <summary>The one-line confirmation of a quick entry: "Logo for Acme Corp · €1,500 · Due Feb 15".</summary>
internal static class EntrySummary
{
    public static string Format(ParsedQuickEntry entry, DateOnly today)
    {
        var parts = new List<string>(3);
        var title = entry.Title.Length > 0 ? entry.Title : "Untitled";
        parts.Add(entry.Client is null ? title : $"{title} for {entry.Client}");
        if (entry.Amount is { } amount)
        {
            parts.Add(new Money(amount, entry.Currency).ToString());
        }

        if (entry.Deadline is { } deadline)
        {
            var format = deadline.Year == today.Year ? "MMM d" : "MMM d, yyyy";
            parts.Add($"Due {deadline.ToString(format, CultureInfo.InvariantCulture)}");
        }

        return string.Join(" · ", parts);
    }
}
