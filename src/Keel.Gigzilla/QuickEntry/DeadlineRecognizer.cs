using System.Collections.Frozen;

namespace Keel.Gigzilla.QuickEntry;

/// <summary>
/// Finds the deadline: relative phrases ("2 weeks", "next Monday", "end of February") and absolute dates
/// ("Feb 15", "15/02", "2026-03-31"). When a line holds several dates, the first one after a deadline cue
/// ("by", "due", "until", "deadline") wins, then the first one standing alone between commas or dashes, then
/// the first one. See <see cref="QuickEntryParser"/> for the meanings.
/// </summary>
internal static partial class DeadlineRecognizer
{
    private static readonly FrozenSet<string> CueWords = new[]
    {
        "by", "due", "on", "in", "within", "until", "till", "til", "before", "deadline", "eta", "for", "at",
        "the", "no", "later", "than", "date", "is", "delivery", "deliver", "delivered", "latest", "starting", "from",
        "next", "coming",
    }.ToFrozenSet(StringComparer.OrdinalIgnoreCase);

    private static readonly FrozenSet<string> StrongCueWords = new[]
    {
        "by", "due", "until", "till", "til", "before", "deadline", "eta", "within", "than", "latest", "delivery",
    }.ToFrozenSet(StringComparer.OrdinalIgnoreCase);

    // Words after which "Fri", "15.03" or "the 3rd" can only be a date.
    private static readonly FrozenSet<string> DateIntroducers = new[]
    {
        "by", "on", "due", "until", "till", "til", "before", "this", "next", "coming", "eta", "deadline", "the", "from",
    }.ToFrozenSet(StringComparer.OrdinalIgnoreCase);

    private static readonly FrozenSet<string> Tomorrow = new[]
    {
        "tomorrow", "tmrw", "tmr", "tomorow", "tommorow", "tommorrow",
    }.ToFrozenSet(StringComparer.OrdinalIgnoreCase);

    public static DateOnly? Claim(EntryTokens t, DateOnly today)
    {
        DateMatch? best = null;
        var bestStart = 0;
        var bestCueStart = 0;
        var bestRank = -1;
        for (var i = 0; i < t.Count; i++)
        {
            if (!t.IsFree(i) || !TryMatchAt(t, i, today, out var match))
            {
                continue;
            }

            var cueStart = CueStart(t, i);
            var rank = Rank(t, cueStart, i, match.End);
            if (rank > bestRank)
            {
                best = match;
                bestStart = i;
                bestCueStart = cueStart;
                bestRank = rank;
            }

            i = match.End - 1;
        }

        if (best is not { } found)
        {
            return null;
        }

        t.Claim(bestCueStart, bestStart, TokenClaim.Cue);
        t.Claim(bestStart, found.End, TokenClaim.Deadline);
        return found.Date;
    }

    /// <summary>
    /// How surely a date is the deadline: after a deadline cue ("by Friday") is surest, then a date standing
    /// alone between commas or dashes; a date inside the wording ("Support 24/7") is the least sure.
    /// </summary>
    private static int Rank(EntryTokens t, int cueStart, int start, int end)
    {
        if (HasStrongCue(t, cueStart, start))
        {
            return 2;
        }

        var alone = (cueStart == 0 || IsSeparator(t[cueStart - 1]))
            && (end >= t.Count || IsSeparator(t[end]) || t[end].IsPunctuation('.') || t[end].IsPunctuation('!'));
        return alone ? 1 : 0;
    }

    private static bool IsSeparator(Token token) =>
        token.Kind == TokenKind.Punctuation && token.Text[0] is ',' or ';' or '—' or '–' or '-' or '(' or ')' or '|' or '/';

    private static int CueStart(EntryTokens t, int i)
    {
        var start = i;
        while (i - start < 4 && (t.IsWordIn(start - 1, CueWords) || IsCuePunctuation(t, start - 1)))
        {
            start--;
        }

        return start;
    }

    private static bool IsCuePunctuation(EntryTokens t, int i) =>
        t.IsPunctuation(i, ':') || t.IsPunctuation(i, '@') || (IsDash(t, i) && !t.IsInsideWord(i));

    private static bool IsDash(EntryTokens t, int i) =>
        t.IsPunctuation(i, '-') || t.IsPunctuation(i, '—') || t.IsPunctuation(i, '–');

    private static bool HasStrongCue(EntryTokens t, int from, int to)
    {
        for (var i = from; i < to; i++)
        {
            if (t.IsWordIn(i, StrongCueWords))
            {
                return true;
            }
        }

        return false;
    }

    private static bool TryMatchAt(EntryTokens t, int i, DateOnly today, out DateMatch match) =>
        TryNamedDay(t, i, today, out match)
        || TryEndOf(t, i, today, out match)
        || TryPartOfMonth(t, i, today, out match)
        || TryNextOrThis(t, i, today, out match)
        || TryWeekday(t, i, today, out match)
        || TryMonthThenDay(t, i, today, out match)
        || TryDayThenMonth(t, i, today, out match)
        || TryOrdinalDay(t, i, today, out match)
        || TryNumericDate(t, i, today, out match)
        || TryDuration(t, i, today, out match);

    /// <summary>
    /// True when a currency marker touches the tokens from <paramref name="first"/> to <paramref name="end"/>
    /// and belongs to them: in "600 EUR 15 Jan" the "EUR" belongs to 600, and "15" is still a day.
    /// </summary>
    private static bool IsNextToCurrency(EntryTokens t, int first, int end)
    {
        var before = first - 1;
        if (before >= 0 && IsCurrencyMarker(t[before]) && !(before > 0 && IsAmountEnd(t[before - 1])))
        {
            return true;
        }

        return end < t.Count && IsCurrencyMarker(t[end]) && !(end + 1 < t.Count && t[end + 1].Kind == TokenKind.Number);
    }

    private static bool IsCurrencyMarker(Token token) =>
        token.Kind == TokenKind.CurrencySymbol
        || (token.Kind == TokenKind.Word && Currencies.FromWordAfterAmount(token.Text) is not null);

    private static bool IsAmountEnd(Token token) =>
        token.Kind == TokenKind.Number || (token.Kind == TokenKind.Word && token.Text is "k" or "K" && token.JoinedToPrevious);

    private static int SkipHyphen(EntryTokens t, int i) => t.IsPunctuation(i, '-') && t.IsJoined(i) ? i + 1 : i;

    private static int SkipAbbreviationDot(EntryTokens t, int i) => t.IsPunctuation(i, '.') && t.IsJoined(i) ? i + 1 : i;

    private static bool Is(string word, string expected) => word.Equals(expected, StringComparison.OrdinalIgnoreCase);

    private readonly record struct DateMatch(int End, DateOnly Date);
}
