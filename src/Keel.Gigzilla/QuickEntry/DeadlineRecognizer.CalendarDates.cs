namespace Keel.Gigzilla.QuickEntry;

// Calendar dates: "Feb 15", "15 Feb", "the 15th", "2026-03-31", "15/02".
internal static partial class DeadlineRecognizer
{
    /// <summary>"Feb 15", "February 3rd", "Feb. 15th, 2026", "March the 3rd".</summary>
    private static bool TryMonthThenDay(EntryTokens t, int i, DateOnly today, out DateMatch match)
    {
        match = default;
        if (CalendarWords.Month(t.FreeWord(i)) is not { } month)
        {
            return false;
        }

        var j = SkipAbbreviationDot(t, i + 1);
        if (t.IsWord(j, "the"))
        {
            j++;
        }

        if (!TryDayNumber(t, j, requireOrdinal: false, out var day, out var afterDay))
        {
            return false;
        }

        return TryCompleteDate(t, afterDay, today, month, day, out match);
    }

    /// <summary>"15 Feb", "20 January", "3rd of March 2026".</summary>
    private static bool TryDayThenMonth(EntryTokens t, int i, DateOnly today, out DateMatch match)
    {
        match = default;
        if (IsNextToCurrency(t, i, i + 1) || !TryDayNumber(t, i, requireOrdinal: false, out var day, out var j))
        {
            return false;
        }

        if (t.IsWord(j, "of"))
        {
            j++;
        }

        if (CalendarWords.Month(t.FreeWord(j)) is not { } month)
        {
            return false;
        }

        return TryCompleteDate(t, SkipAbbreviationDot(t, j + 1), today, month, day, out match);
    }

    private static bool TryCompleteDate(EntryTokens t, int j, DateOnly today, int month, int day, out DateMatch match)
    {
        match = default;
        var k = t.IsPunctuation(j, ',') ? j + 1 : j;
        if (TryYear(t, k, today, out var year, out var afterYear))
        {
            if (RelativeDates.Create(year, month, day) is not { } dated)
            {
                return false;
            }

            match = new DateMatch(afterYear, dated);
            return true;
        }

        if (RelativeDates.Yearless(today, month, day) is not { } date)
        {
            return false;
        }

        match = new DateMatch(j, date);
        return true;
    }

    /// <summary>"the 15th", "by the 3rd": the next such day of the month.</summary>
    private static bool TryOrdinalDay(EntryTokens t, int i, DateOnly today, out DateMatch match)
    {
        match = default;
        if (!t.IsWordIn(i - 1, DateIntroducers)
            || !TryDayNumber(t, i, requireOrdinal: true, out var day, out var end)
            || RelativeDates.NextDayOfMonth(today, day) is not { } date)
        {
            return false;
        }

        match = new DateMatch(end, date);
        return true;
    }

    /// <summary>"2026-03-31", "15.03.2026", "15/02" (day first), "15-03-2026", "15.03." and "by 15.03".</summary>
    private static bool TryNumericDate(EntryTokens t, int i, DateOnly today, out DateMatch match)
    {
        match = default;
        if (!t.IsFreeKind(i, TokenKind.Number))
        {
            return false;
        }

        if (TryHyphenatedDate(t, i, out var hyphenEnd, out var hyphenDate))
        {
            if (IsNextToCurrency(t, i, hyphenEnd))
            {
                return false;
            }

            match = new DateMatch(hyphenEnd, hyphenDate);
            return true;
        }

        var text = t[i].Text;
        var separator = text.IndexOf('/') >= 0 ? '/' : '.';
        if (text.IndexOf(separator) < 0 || text.AsSpan().IndexOfAny(",'’") >= 0 || IsNextToCurrency(t, i, i + 1))
        {
            return false;
        }

        var parts = text.Split(separator);
        if (Array.Exists(parts, part => part.Length > 4))
        {
            return false;
        }

        var end = i + 1;
        DateOnly? date;
        if (parts.Length == 3)
        {
            date = parts[0].Length == 4
                ? RelativeDates.Create(int.Parse(parts[0]), int.Parse(parts[1]), int.Parse(parts[2]))
                : DayFirstWithYear(parts, separator);
        }
        else if (parts.Length == 2 && parts[0].Length <= 2 && parts[1].Length <= 2)
        {
            // "15.03" alone reads as an amount; it is a date with a trailing dot ("15.03.") or after "by".
            var trailingDot = separator == '.' && t.IsPunctuation(end, '.') && t.IsJoined(end);
            if (separator == '.' && !trailingDot && !t.IsWordIn(i - 1, DateIntroducers) && !t.IsWordIn(i - 1, CueWords))
            {
                return false;
            }

            var day = int.Parse(parts[0]);
            var month = int.Parse(parts[1]);
            date = RelativeDates.Yearless(today, month, day);
            if (date is null && separator == '/')
            {
                date = RelativeDates.Yearless(today, day, month);
            }

            end = trailingDot ? end + 1 : end;
        }
        else
        {
            return false;
        }

        if (date is not { } found)
        {
            return false;
        }

        match = new DateMatch(end, found);
        return true;
    }

    private static DateOnly? DayFirstWithYear(string[] parts, char separator)
    {
        if (parts[2].Length is not (2 or 4) || parts[0].Length > 2 || parts[1].Length > 2)
        {
            return null;
        }

        var year = int.Parse(parts[2]);
        return RelativeDates.Create(year, int.Parse(parts[1]), int.Parse(parts[0]))
            ?? (separator == '/' ? RelativeDates.Create(year, int.Parse(parts[0]), int.Parse(parts[1])) : null);
    }

    private static bool TryHyphenatedDate(EntryTokens t, int i, out int end, out DateOnly date)
    {
        end = i + 5;
        date = default;
        if (!IsJoinedPlainNumber(t, i, 1, 4, first: true)
            || !(t.IsPunctuation(i + 1, '-') && t.IsJoined(i + 1))
            || !IsJoinedPlainNumber(t, i + 2, 1, 2, first: false)
            || !(t.IsPunctuation(i + 3, '-') && t.IsJoined(i + 3))
            || !IsJoinedPlainNumber(t, i + 4, 2, 4, first: false))
        {
            return false;
        }

        var a = int.Parse(t[i].Text);
        var b = int.Parse(t[i + 2].Text);
        var c = int.Parse(t[i + 4].Text);
        DateOnly? parsed = t[i].Text.Length == 4
            ? RelativeDates.Create(a, b, c)
            : t[i].Text.Length <= 2 ? RelativeDates.Create(c, b, a) : null;
        if (parsed is not { } found)
        {
            return false;
        }

        date = found;
        return true;
    }

    private static bool IsJoinedPlainNumber(EntryTokens t, int i, int minDigits, int maxDigits, bool first) =>
        t.IsFreeKind(i, TokenKind.Number) && t[i].IsPlainInteger
        && t[i].Text.Length >= minDigits && t[i].Text.Length <= maxDigits
        && (first || t.IsJoined(i));

    /// <summary>A day of the month (1-31) at <paramref name="i"/>, with an optional ordinal suffix ("3rd").</summary>
    private static bool TryDayNumber(EntryTokens t, int i, bool requireOrdinal, out int day, out int end)
    {
        day = 0;
        end = i + 1;
        if (!t.IsFreeKind(i, TokenKind.Number) || !t[i].IsPlainInteger || t[i].Text.Length > 2)
        {
            return false;
        }

        day = int.Parse(t[i].Text);
        var hasOrdinal = t.IsJoined(end) && CalendarWords.IsOrdinalSuffix(t.FreeWord(end));
        if (hasOrdinal)
        {
            end++;
        }
        else if (requireOrdinal || (t.IsJoined(end) && t[end].Kind is TokenKind.Word or TokenKind.Number or TokenKind.CurrencySymbol))
        {
            return false;
        }

        return day is >= 1 and <= 31;
    }

    private static bool TryYear(EntryTokens t, int i, DateOnly today, out int year, out int end)
    {
        year = 0;
        end = i + 1;
        if (!t.IsFreeKind(i, TokenKind.Number) || !t[i].IsPlainInteger || t[i].Text.Length != 4 || IsNextToCurrency(t, i, end))
        {
            return false;
        }

        year = int.Parse(t[i].Text);
        return year >= today.Year - 1 && year <= today.Year + 10;
    }
}
