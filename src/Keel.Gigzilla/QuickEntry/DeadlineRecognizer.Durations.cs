namespace Keel.Gigzilla.QuickEntry;

// Durations from today: "2 weeks", "in 10 days", "5 business days".
internal static partial class DeadlineRecognizer
{
    /// <summary>"2 weeks", "10 days", "3wks", "one month", "in a week", "5 business days", "a fortnight".</summary>
    private static bool TryDuration(EntryTokens t, int i, DateOnly today, out DateMatch match)
    {
        match = default;
        int quantity;
        var j = i + 1;
        if (t.IsFreeKind(i, TokenKind.Number) && t[i].IsPlainInteger && t[i].Text.Length <= 3)
        {
            if (IsNextToCurrency(t, i, i + 1))
            {
                return false;
            }

            quantity = int.Parse(t[i].Text);
        }
        else if (CalendarWords.NumberWord(t.FreeWord(i)) is { } spelled)
        {
            quantity = spelled;
        }
        else if ((t.IsWord(i, "a") || t.IsWord(i, "an")) && t.IsWordIn(i - 1, CueWords))
        {
            quantity = 1;
            if (t.IsWord(j, "couple"))
            {
                quantity = 2;
                j = t.IsWord(j + 1, "of") ? j + 2 : j + 1;
            }
        }
        else
        {
            return false;
        }

        var business = false;
        if (t.IsWord(j, "business") || t.IsWord(j, "working"))
        {
            business = true;
            j++;
        }

        var unitWord = t.FreeWord(j);
        if (CalendarWords.Unit(unitWord) is not { } unit
            || (unitWord!.Length == 1 && char.IsUpper(unitWord[0]))
            || (quantity > 1 && CalendarWords.IsSingularUnitWord(unitWord!))
            || (business && unit != DurationUnit.Day)
            || t.IsWord(j + 1, "of")
            || (t.IsPunctuation(j + 1, '-') && t.IsJoined(j + 1)))
        {
            return false;
        }

        var end = j + 1;
        if (t.IsWord(end, "from") && (t.IsWord(end + 1, "now") || t.IsWord(end + 1, "today")))
        {
            end += 2;
        }
        else if ((t.IsPunctuation(end, '\'') || t.IsPunctuation(end, '’')) && t.IsWord(end + 1, "time"))
        {
            end += 2;
        }
        else if (t.IsWord(end, "time"))
        {
            end++;
        }

        var date = unit switch
        {
            DurationUnit.Day when business => RelativeDates.AddBusinessDays(today, quantity),
            DurationUnit.Day => today.AddDays(quantity),
            DurationUnit.Week => today.AddDays(7 * quantity),
            DurationUnit.Fortnight => today.AddDays(14 * quantity),
            _ => today.AddMonths(quantity),
        };
        match = new DateMatch(end, date);
        return true;
    }
}
