using System.Globalization;

namespace Keel.Gigzilla.QuickEntry;

/// <summary>
/// Reads a number written with US or European separators: "1,500", "1.500", "1.234,56", "1,250.50", "1'500".
/// One separator followed by exactly three digits groups thousands ("1.500" is 1500) unless a multiplier
/// follows, where it is a decimal point ("1.5k" and "1,5k" are both 1500).
/// </summary>
internal static class MoneyNumber
{
    public static bool TryParse(string text, bool hasMultiplier, out decimal value)
    {
        value = 0;
        if (text.Contains('/'))
        {
            return false;
        }

        Span<Range> groups = stackalloc Range[8];
        var count = text.AsSpan().SplitAny(groups, ".,'’");
        if (count is 0 or 8)
        {
            return false;
        }

        if (count == 1)
        {
            return TryBuild(text, [], out value);
        }

        var first = text[groups[0]];
        var last = text[groups[count - 1]];
        var lastSeparator = text[groups[count - 1].Start.Value - 1];
        if (count == 2)
        {
            var groupsThousands = lastSeparator is '\'' or '’'
                || (!hasMultiplier && last.Length == 3 && first.Length <= 3 && first != "0");
            return groupsThousands
                ? TryBuild(first + last, [], out value)
                : TryBuild(first, last, out value);
        }

        if (first.Length > 3)
        {
            return false;
        }

        var groupSeparator = text[groups[1].Start.Value - 1];
        var integer = first;
        for (var g = 1; g < count - 1; g++)
        {
            if (text[groups[g].Start.Value - 1] != groupSeparator || text[groups[g]].Length != 3)
            {
                return false;
            }

            integer += text[groups[g]];
        }

        if (lastSeparator == groupSeparator)
        {
            return last.Length == 3 && TryBuild(integer + last, [], out value);
        }

        return last.Length <= 2 && TryBuild(integer, last, out value);
    }

    private static bool TryBuild(string integer, ReadOnlySpan<char> fraction, out decimal value)
    {
        value = 0;
        if (integer.Length > 15 || fraction.Length > 4)
        {
            return false;
        }

        var number = fraction.IsEmpty ? integer : string.Concat(integer, ".", fraction);
        return decimal.TryParse(number, NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out value);
    }
}
