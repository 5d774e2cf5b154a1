using System.Collections.Frozen;

namespace Keel.Gigzilla.QuickEntry;

/// <summary>Month and weekday names, number words and duration units, in English.</summary>
internal static class CalendarWords
{
    private static readonly FrozenDictionary<string, int> Months = new Dictionary<string, int>(StringComparer.OrdinalIgnoreCase)
    {
        ["january"] = 1, ["jan"] = 1,
        ["february"] = 2, ["feb"] = 2, ["febr"] = 2,
        ["march"] = 3, ["mar"] = 3,
        ["april"] = 4, ["apr"] = 4,
        ["may"] = 5,
        ["june"] = 6, ["jun"] = 6,
        ["july"] = 7, ["jul"] = 7,
        ["august"] = 8, ["aug"] = 8,
        ["september"] = 9, ["sep"] = 9, ["sept"] = 9,
        ["october"] = 10, ["oct"] = 10,
        ["november"] = 11, ["nov"] = 11,
        ["december"] = 12, ["dec"] = 12,
    }.ToFrozenDictionary(StringComparer.OrdinalIgnoreCase);

    private static readonly FrozenDictionary<string, DayOfWeek> Weekdays = new Dictionary<string, DayOfWeek>(StringComparer.OrdinalIgnoreCase)
    {
        ["monday"] = DayOfWeek.Monday,
        ["tuesday"] = DayOfWeek.Tuesday,
        ["wednesday"] = DayOfWeek.Wednesday,
        ["thursday"] = DayOfWeek.Thursday,
        ["friday"] = DayOfWeek.Friday,
        ["saturday"] = DayOfWeek.Saturday,
        ["sunday"] = DayOfWeek.Sunday,
    }.ToFrozenDictionary(StringComparer.OrdinalIgnoreCase);

    // Abbreviations double as ordinary words ("Sun", "Wed"), so they only count after a cue such as "by".
    private static readonly FrozenDictionary<string, DayOfWeek> WeekdayAbbreviations = new Dictionary<string, DayOfWeek>(StringComparer.OrdinalIgnoreCase)
    {
        ["mon"] = DayOfWeek.Monday,
        ["tue"] = DayOfWeek.Tuesday, ["tues"] = DayOfWeek.Tuesday,
        ["wed"] = DayOfWeek.Wednesday,
        ["thu"] = DayOfWeek.Thursday, ["thur"] = DayOfWeek.Thursday, ["thurs"] = DayOfWeek.Thursday,
        ["fri"] = DayOfWeek.Friday,
        ["sat"] = DayOfWeek.Saturday,
        ["sun"] = DayOfWeek.Sunday,
    }.ToFrozenDictionary(StringComparer.OrdinalIgnoreCase);

    private static readonly FrozenDictionary<string, int> NumberWords = new Dictionary<string, int>(StringComparer.OrdinalIgnoreCase)
    {
        ["one"] = 1, ["two"] = 2, ["three"] = 3, ["four"] = 4, ["five"] = 5, ["six"] = 6,
        ["seven"] = 7, ["eight"] = 8, ["nine"] = 9, ["ten"] = 10, ["eleven"] = 11, ["twelve"] = 12,
        ["fourteen"] = 14, ["fifteen"] = 15, ["twenty"] = 20, ["thirty"] = 30,
    }.ToFrozenDictionary(StringComparer.OrdinalIgnoreCase);

    private static readonly FrozenDictionary<string, DurationUnit> Units = new Dictionary<string, DurationUnit>(StringComparer.OrdinalIgnoreCase)
    {
        ["day"] = DurationUnit.Day, ["days"] = DurationUnit.Day, ["d"] = DurationUnit.Day,
        ["week"] = DurationUnit.Week, ["weeks"] = DurationUnit.Week, ["wk"] = DurationUnit.Week,
        ["wks"] = DurationUnit.Week, ["w"] = DurationUnit.Week,
        ["fortnight"] = DurationUnit.Fortnight, ["fortnights"] = DurationUnit.Fortnight,
        ["month"] = DurationUnit.Month, ["months"] = DurationUnit.Month, ["mo"] = DurationUnit.Month,
        ["mos"] = DurationUnit.Month, ["mth"] = DurationUnit.Month, ["mths"] = DurationUnit.Month,
    }.ToFrozenDictionary(StringComparer.OrdinalIgnoreCase);

    public static int? Month(string? word) => word is not null && Months.TryGetValue(word, out var month) ? month : null;

    public static DayOfWeek? Weekday(string? word, bool allowAbbreviation)
    {
        if (word is null)
        {
            return null;
        }

        if (Weekdays.TryGetValue(word, out var day) || (allowAbbreviation && WeekdayAbbreviations.TryGetValue(word, out day)))
        {
            return day;
        }

        return null;
    }

    public static int? NumberWord(string? word) => word is not null && NumberWords.TryGetValue(word, out var n) ? n : null;

    public static DurationUnit? Unit(string? word) => word is not null && Units.TryGetValue(word, out var unit) ? unit : null;

    /// <summary>True for unit spellings that are singular ("day", "week"), used to reject "5 day workshop".</summary>
    public static bool IsSingularUnitWord(string word) =>
        word.Equals("day", StringComparison.OrdinalIgnoreCase)
        || word.Equals("week", StringComparison.OrdinalIgnoreCase)
        || word.Equals("month", StringComparison.OrdinalIgnoreCase);

    public static bool IsOrdinalSuffix(string? word) =>
        word is not null
        && (word.Equals("st", StringComparison.OrdinalIgnoreCase)
            || word.Equals("nd", StringComparison.OrdinalIgnoreCase)
            || word.Equals("rd", StringComparison.OrdinalIgnoreCase)
            || word.Equals("th", StringComparison.OrdinalIgnoreCase));
}
