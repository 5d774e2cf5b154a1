namespace Keel.Gigzilla.QuickEntry;

// Phrases relative to today: "tomorrow", "end of month", "next Friday".
internal static partial class DeadlineRecognizer
{
    private static bool TryNamedDay(EntryTokens t, int i, DateOnly today, out DateMatch match)
    {
        var word = t.FreeWord(i);
        match = default;
        if (word is null)
        {
            return false;
        }

        if (Is(word, "today") || Is(word, "tonight") || Is(word, "eod"))
        {
            match = new DateMatch(i + 1, today);
        }
        else if (t.IsWordIn(i, Tomorrow))
        {
            match = new DateMatch(i + 1, today.AddDays(1));
        }
        else if (Is(word, "day") && t.IsWord(i + 1, "after") && t.IsWordIn(i + 2, Tomorrow))
        {
            match = new DateMatch(i + 3, today.AddDays(2));
        }
        else if (Is(word, "eow"))
        {
            match = new DateMatch(i + 1, RelativeDates.EndOfWeek(today));
        }
        else if (Is(word, "eom"))
        {
            match = new DateMatch(i + 1, RelativeDates.EndOfMonth(today.Year, today.Month));
        }
        else if (Is(word, "eoy"))
        {
            match = new DateMatch(i + 1, new DateOnly(today.Year, 12, 31));
        }
        else if (Is(word, "weekend"))
        {
            match = new DateMatch(i + 1, RelativeDates.Weekend(today));
        }
        else if (Is(word, "month") && SkipHyphen(t, i + 1) is var end && t.IsWord(end, "end"))
        {
            match = new DateMatch(end + 1, RelativeDates.EndOfMonth(today.Year, today.Month));
        }
        else
        {
            return false;
        }

        return true;
    }

    /// <summary>"end of month", "end of the week", "end of next month", "end of February", "end-of-year".</summary>
    private static bool TryEndOf(EntryTokens t, int i, DateOnly today, out DateMatch match)
    {
        match = default;
        if (!t.IsWord(i, "end"))
        {
            return false;
        }

        var j = SkipHyphen(t, i + 1);
        if (!t.IsWord(j, "of"))
        {
            return false;
        }

        j = SkipHyphen(t, j + 1);
        if (t.IsWord(j, "the") || t.IsWord(j, "this"))
        {
            j++;
        }

        var next = false;
        if (t.IsWord(j, "next"))
        {
            next = true;
            j++;
        }

        if (t.IsWord(j, "week"))
        {
            var friday = RelativeDates.EndOfWeek(today);
            match = new DateMatch(j + 1, next ? friday.AddDays(7) : friday);
            return true;
        }

        if (t.IsWord(j, "month"))
        {
            var month = next ? today.AddMonths(1) : today;
            match = new DateMatch(j + 1, RelativeDates.EndOfMonth(month.Year, month.Month));
            return true;
        }

        if (t.IsWord(j, "year"))
        {
            match = new DateMatch(j + 1, new DateOnly(today.Year + (next ? 1 : 0), 12, 31));
            return true;
        }

        if (!next && (t.IsWord(j, "day") || t.IsWord(j, "today")))
        {
            match = new DateMatch(j + 1, today);
            return true;
        }

        // "end of Q1": the last day of the quarter's final month, next year once passed.
        if (!next && (t.IsWord(j, "q") || t.IsWord(j, "Q")) && t.IsJoined(j + 1) && t.IsFreeKind(j + 1, TokenKind.Number)
            && t[j + 1].Text is "1" or "2" or "3" or "4")
        {
            match = new DateMatch(j + 2, RelativeDates.EndOfNamedMonth(today, 3 * int.Parse(t[j + 1].Text)));
            return true;
        }

        if (!next && CalendarWords.Month(t.FreeWord(j)) is { } named)
        {
            var end = SkipAbbreviationDot(t, j + 1);
            if (TryYear(t, end, today, out var year, out var afterYear))
            {
                match = new DateMatch(afterYear, RelativeDates.EndOfMonth(year, named));
            }
            else
            {
                match = new DateMatch(end, RelativeDates.EndOfNamedMonth(today, named));
            }

            return true;
        }

        return false;
    }

    /// <summary>"mid March" is the 15th; "start of March" and "beginning of March" the 1st.</summary>
    private static bool TryPartOfMonth(EntryTokens t, int i, DateOnly today, out DateMatch match)
    {
        match = default;
        int day;
        int j;
        if (t.IsWord(i, "mid"))
        {
            day = 15;
            j = SkipHyphen(t, i + 1);
        }
        else if (t.IsWord(i, "middle") && t.IsWord(i + 1, "of"))
        {
            day = 15;
            j = i + 2;
        }
        else if ((t.IsWord(i, "start") || t.IsWord(i, "beginning")) && t.IsWord(i + 1, "of"))
        {
            day = 1;
            j = i + 2;
        }
        else
        {
            return false;
        }

        if (CalendarWords.Month(t.FreeWord(j)) is not { } month
            || RelativeDates.Yearless(today, month, day) is not { } date)
        {
            return false;
        }

        match = new DateMatch(SkipAbbreviationDot(t, j + 1), date);
        return true;
    }

    /// <summary>"next week" is today + 7 days, "next month" the same day next month; "next/this/coming Friday" the next Friday strictly after today.</summary>
    private static bool TryNextOrThis(EntryTokens t, int i, DateOnly today, out DateMatch match)
    {
        match = default;
        var isNext = t.IsWord(i, "next");
        if (!isNext && !t.IsWord(i, "this") && !t.IsWord(i, "coming"))
        {
            return false;
        }

        var j = i + 1;
        if (CalendarWords.Weekday(t.FreeWord(j), allowAbbreviation: true) is { } day)
        {
            match = new DateMatch(j + 1, RelativeDates.NextWeekdayAfter(today, day));
            return true;
        }

        DateOnly? date = null;
        if (t.IsWord(j, "week"))
        {
            date = isNext ? today.AddDays(7) : RelativeDates.EndOfWeek(today);
        }
        else if (t.IsWord(j, "month"))
        {
            date = isNext ? today.AddMonths(1) : RelativeDates.EndOfMonth(today.Year, today.Month);
        }
        else if (t.IsWord(j, "year"))
        {
            date = isNext ? today.AddYears(1) : new DateOnly(today.Year, 12, 31);
        }
        else if (t.IsWord(j, "weekend"))
        {
            var saturday = RelativeDates.Weekend(today);
            date = isNext ? saturday.AddDays(7) : saturday;
        }

        if (date is not { } found)
        {
            return false;
        }

        match = new DateMatch(j + 1, found);
        return true;
    }

    /// <summary>"Friday", "by Fri", "Friday next week", "Friday, Feb 15" (the date wins).</summary>
    private static bool TryWeekday(EntryTokens t, int i, DateOnly today, out DateMatch match)
    {
        match = default;
        if (CalendarWords.Weekday(t.FreeWord(i), allowAbbreviation: true) is not { } day)
        {
            return false;
        }

        var j = t.IsPunctuation(i + 1, ',') ? i + 2 : i + 1;
        if (TryMonthThenDay(t, j, today, out match) || TryDayThenMonth(t, j, today, out match))
        {
            return true;
        }

        var k = t.IsWord(j, "the") ? j + 1 : j;
        if (TryDayNumber(t, k, requireOrdinal: true, out var dayOfMonth, out var afterDay)
            && RelativeDates.NextDayOfMonth(today, dayOfMonth) is { } date)
        {
            match = new DateMatch(afterDay, date);
            return true;
        }

        var isFullName = CalendarWords.Weekday(t.FreeWord(i), allowAbbreviation: false) is not null;
        if (!isFullName && !t.IsWordIn(i - 1, DateIntroducers) && !StandsAlone(t, i) && !EndsAfterAmount(t, i))
        {
            return false;
        }

        if (t.IsWord(i + 1, "next") && t.IsWord(i + 2, "week"))
        {
            match = new DateMatch(i + 3, RelativeDates.InNextWeek(today, day));
            return true;
        }

        match = new DateMatch(SkipAbbreviationDot(t, i + 1), RelativeDates.NextWeekdayAfter(today, day));
        return true;
    }

    /// <summary>True when the token sits alone between separators, as "Tue" does in "2h, €300, Tue".</summary>
    private static bool StandsAlone(EntryTokens t, int i) =>
        (i == 0 || IsSeparator(t[i - 1])) && (i + 1 >= t.Count || IsSeparator(t[i + 1]) || t[i + 1].IsPunctuation('.'));

    /// <summary>True for the last word of the line right after an amount, as "fri" in "350 eur fri".</summary>
    private static bool EndsAfterAmount(EntryTokens t, int i) =>
        i > 0 && (i + 1 == t.Count || t[i + 1].IsPunctuation('.') || t[i + 1].IsPunctuation('!'))
        && (IsCurrencyMarker(t[i - 1]) || IsAmountEnd(t[i - 1]));
}
