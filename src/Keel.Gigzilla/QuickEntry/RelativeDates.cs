namespace Keel.Gigzilla.QuickEntry;

/// <summary>
/// The calendar meanings behind deadline phrases. Weeks run Monday to Sunday and a working week ends on Friday.
/// </summary>
internal static class RelativeDates
{
    /// <summary>The first <paramref name="day"/> strictly after <paramref name="today"/>: on a Friday, "Friday" is a week away.</summary>
    public static DateOnly NextWeekdayAfter(DateOnly today, DayOfWeek day)
    {
        var days = ((int)day - (int)today.DayOfWeek + 7) % 7;
        return today.AddDays(days == 0 ? 7 : days);
    }

    /// <summary>The Friday of the current week; on Saturday and Sunday, the coming Friday.</summary>
    public static DateOnly EndOfWeek(DateOnly today)
    {
        var index = MondayIndex(today.DayOfWeek);
        return today.AddDays(index <= 4 ? 4 - index : 11 - index);
    }

    /// <summary>The given day in the Monday-to-Sunday week after the current one.</summary>
    public static DateOnly InNextWeek(DateOnly today, DayOfWeek day) =>
        today.AddDays(7 - MondayIndex(today.DayOfWeek) + MondayIndex(day));

    /// <summary>The Saturday starting the coming weekend: today on a Saturday.</summary>
    public static DateOnly Weekend(DateOnly today) =>
        today.DayOfWeek == DayOfWeek.Saturday ? today : NextWeekdayAfter(today, DayOfWeek.Saturday);

    public static DateOnly EndOfMonth(int year, int month) => new(year, month, DateTime.DaysInMonth(year, month));

    /// <summary>The last day of <paramref name="month"/> this year, or next year when that day has passed.</summary>
    public static DateOnly EndOfNamedMonth(DateOnly today, int month)
    {
        var end = EndOfMonth(today.Year, month);
        return end < today ? EndOfMonth(today.Year + 1, month) : end;
    }

    /// <summary>A day and month without a year: this year, or the next year in which it has not passed.</summary>
    public static DateOnly? Yearless(DateOnly today, int month, int day)
    {
        if (month is < 1 or > 12 || day < 1)
        {
            return null;
        }

        // Up to eight years ahead so that "29 Feb" finds the next leap year.
        for (var year = today.Year; year <= today.Year + 8; year++)
        {
            if (day <= DateTime.DaysInMonth(year, month) && new DateOnly(year, month, day) is var date && date >= today)
            {
                return date;
            }
        }

        return null;
    }

    /// <summary>The next date with this day of the month, today included: "the 15th".</summary>
    public static DateOnly? NextDayOfMonth(DateOnly today, int day)
    {
        if (day is < 1 or > 31)
        {
            return null;
        }

        var month = new DateOnly(today.Year, today.Month, 1);
        for (var i = 0; i < 12; i++, month = month.AddMonths(1))
        {
            if (day <= DateTime.DaysInMonth(month.Year, month.Month) && new DateOnly(month.Year, month.Month, day) is var date && date >= today)
            {
                return date;
            }
        }

        return null;
    }

    public static DateOnly AddBusinessDays(DateOnly today, int days)
    {
        var date = today;
        while (days > 0)
        {
            date = date.AddDays(1);
            if (date.DayOfWeek is not (DayOfWeek.Saturday or DayOfWeek.Sunday))
            {
                days--;
            }
        }

        return date;
    }

    /// <summary>A full date, or null when it does not exist; two-digit years are read as 20xx.</summary>
    public static DateOnly? Create(int year, int month, int day)
    {
        if (year < 100)
        {
            year += 2000;
        }

        if (year is < 1900 or > 2199 || month is < 1 or > 12 || day < 1 || day > DateTime.DaysInMonth(year, month))
        {
            return null;
        }

        return new DateOnly(year, month, day);
    }

    private static int MondayIndex(DayOfWeek day) => ((int)day + 6) % 7;
}
