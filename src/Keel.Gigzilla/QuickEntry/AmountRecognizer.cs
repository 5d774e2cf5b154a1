using System.Collections.Frozen;

namespace Keel.Gigzilla.QuickEntry;

/// <summary>
/// Finds the amount: a number with a currency symbol, ISO code or currency name on either side ("€1,500",
/// "500 USD", "40 quid"), an optional multiplier ("2k"), or a bare number after a money word ("budget 800").
/// A bare number followed by a noun ("40 photos") or glued to a word ("x4", "v2") is part of the title.
/// With several candidates, one with a currency wins over one after a money word, which wins over a bare number.
/// </summary>
internal static class AmountRecognizer
{
    private static readonly FrozenSet<string> MoneyCues = new[]
    {
        "budget", "fee", "fees", "price", "rate", "cost", "costs", "paid", "pay", "paying", "payment", "quote",
        "quoted", "total", "approx", "approximately", "around", "ca", "worth", "value", "invoice", "charge",
    }.ToFrozenSet(StringComparer.OrdinalIgnoreCase);

    // Words that may be absorbed before the amount without changing its strength: "for €500", "budget of 800".
    private static readonly FrozenSet<string> AbsorbedBefore = new[]
    {
        "for", "of", "is", "at", "about", "max", "maximum", "up", "to",
    }.ToFrozenSet(StringComparer.OrdinalIgnoreCase);

    private static readonly FrozenSet<string> Qualifiers = new[]
    {
        "total", "flat", "fixed", "net", "gross", "each", "apiece", "hourly", "daily", "monthly",
    }.ToFrozenSet(StringComparer.OrdinalIgnoreCase);

    private static readonly FrozenSet<string> RateUnits = new[]
    {
        "h", "hr", "hrs", "hour", "day", "week", "wk", "month", "mo", "year", "word", "page", "article", "post",
        "piece", "image", "photo", "video", "episode", "item", "session", "minute", "min",
    }.ToFrozenSet(StringComparer.OrdinalIgnoreCase);

    // Words that may follow a bare amount; any other word makes the number a quantity ("40 photos").
    private static readonly FrozenSet<string> BareFollowers = new[]
    {
        "for", "by", "due", "in", "within", "until", "till", "before", "on", "and", "budget", "deadline", "eta",
        "asap", "total", "flat", "fixed", "net", "gross", "from", "to", "the", "next", "this", "end", "urgent",
    }.ToFrozenSet(StringComparer.OrdinalIgnoreCase);

    // Words before a number that make it a label rather than money: "episode 5", "part 2".
    private static readonly FrozenSet<string> LabelWords = new[]
    {
        "x", "no", "nr", "number", "part", "episode", "ep", "chapter", "vol", "volume", "season", "issue", "step",
        "round", "phase", "sprint", "day", "week", "page", "pages", "version", "v", "top", "level", "room", "unit",
        "suite", "lot", "size", "module", "lesson", "batch", "set", "track", "scene", "act", "book", "year", "class",
    }.ToFrozenSet(StringComparer.OrdinalIgnoreCase);

    public static (decimal Amount, string? Currency)? Claim(EntryTokens t)
    {
        Candidate? best = null;
        for (var i = 0; i < t.Count; i++)
        {
            if (t.IsFreeKind(i, TokenKind.Number) && TryRead(t, i, out var candidate) && IsBetter(candidate, best))
            {
                best = candidate;
            }
        }

        if (best is not { } found)
        {
            return null;
        }

        t.Claim(found.CueStart, found.Start, TokenClaim.Cue);
        t.Claim(found.Start, found.End, TokenClaim.Amount);
        t.Claim(found.End, found.QualifierEnd, TokenClaim.Cue);
        return (found.Value, found.Currency);
    }

    private static bool IsBetter(Candidate candidate, Candidate? best) =>
        best is not { } current
        || candidate.Strength > current.Strength
        || (candidate.Strength == Strength.Bare && current.Strength == Strength.Bare && candidate.Value > current.Value);

    private static bool TryRead(EntryTokens t, int i, out Candidate candidate)
    {
        candidate = default;
        if (IsGluedToLabel(t, i))
        {
            return false;
        }

        var start = i;
        var currency = CurrencyBefore(t, i, ref start);

        // "€ 3 500": a space groups thousands only next to a currency.
        var numberEnd = i + 1;
        var digits = t[i].Text;
        if (t[i].IsPlainInteger && digits.Length <= 3)
        {
            var k = i + 1;
            var grouped = digits;
            while (t.IsFreeKind(k, TokenKind.Number) && !t.IsJoined(k) && t[k].Text.Length == 3 && t[k].IsPlainInteger)
            {
                grouped += t[k].Text;
                k++;
            }

            if (k > i + 1 && (currency is not null || CurrencyAfter(t, k, out _) is not null))
            {
                digits = grouped;
                numberEnd = k;
            }
        }

        var end = numberEnd;
        var multiplier = Multiplier(t, end, currency is not null || CurrencyAfter(t, end + 1, out _) is not null);
        if (multiplier > 1)
        {
            end++;
        }

        if (!MoneyNumber.TryParse(digits, multiplier > 1, out var value))
        {
            return false;
        }

        var after = CurrencyAfter(t, end, out var afterLength);
        if (after is not null)
        {
            currency ??= after;
            end += afterLength;
        }

        var cueStart = start;
        var hasMoneyCue = false;
        while (start - cueStart < 4 && t.IsFree(cueStart - 1))
        {
            if (t.IsWordIn(cueStart - 1, MoneyCues) || t.IsPunctuation(cueStart - 1, '@') || t.IsPunctuation(cueStart - 1, '~'))
            {
                hasMoneyCue = true;
            }
            else if (!t.IsWordIn(cueStart - 1, AbsorbedBefore) && !t.IsPunctuation(cueStart - 1, ':') && !t.IsPunctuation(cueStart - 1, '='))
            {
                break;
            }

            cueStart--;
        }

        var strength = currency is not null ? Strength.Currency
            : hasMoneyCue || multiplier > 1 ? Strength.MoneyWord
            : IsYearLike(t[i].Text) ? Strength.YearLike
            : Strength.Bare;
        if (currency is null && !hasMoneyCue && !IsPlausibleBareAmount(t, i, end, multiplier > 1))
        {
            return false;
        }

        var qualifierEnd = QualifierEnd(t, end);
        candidate = new Candidate(cueStart, start, end, qualifierEnd, WithoutTrailingZeros(decimal.Round(value * multiplier, 2)), currency, strength);
        return true;
    }

    // Dividing by 1.000…m drops trailing zeros, so "1.5k" is 1500 rather than 1500.0 and "1,500.00" is 1500.
    private static decimal WithoutTrailingZeros(decimal value) => value / 1.000000000000000000000000000000000m;

    /// <summary>Words after the amount that qualify it and leave the title: "flat", "each", "/month", "per hour".</summary>
    private static int QualifierEnd(EntryTokens t, int end)
    {
        if (t.IsWordIn(end, Qualifiers))
        {
            return end + 1;
        }

        if ((t.IsPunctuation(end, '/') || t.IsWord(end, "per") || t.IsWord(end, "a") || t.IsWord(end, "an"))
            && t.IsWordIn(end + 1, RateUnits))
        {
            return end + 2;
        }

        // "+ VAT", "plus tax", "excl. VAT", "incl VAT".
        if (t.IsPunctuation(end, '+') || t.IsWord(end, "plus") || t.IsWord(end, "excl") || t.IsWord(end, "incl") || t.IsWord(end, "ex"))
        {
            var tax = t.IsPunctuation(end + 1, '.') ? end + 2 : end + 1;
            if (t.IsWord(tax, "vat") || t.IsWord(tax, "tax") || t.IsWord(tax, "taxes"))
            {
                return tax + 1;
            }
        }

        return end;
    }

    private static bool IsGluedToLabel(EntryTokens t, int i)
    {
        if (!t.IsJoined(i))
        {
            return false;
        }

        var previous = t[i - 1];
        return previous.Kind switch
        {
            TokenKind.Word => !Currencies.IsCode(previous.Text),
            TokenKind.Number => true,
            TokenKind.Punctuation => previous.Text[0] is '#' or ':' or '-' or '/' or '.' or '×',
            _ => false,
        };
    }

    private static string? CurrencyBefore(EntryTokens t, int i, ref int start)
    {
        var j = i - 1;
        if (t.IsFreeKind(j, TokenKind.CurrencySymbol))
        {
            start = j;
            var currency = Currencies.FromSymbol(t[j].Text[0]);
            if (t[j].Text[0] == '$' && t.IsJoined(j) && t.FreeWord(j - 1) is { } prefix && Currencies.FromDollarPrefix(prefix) is { } dollar)
            {
                start = j - 1;
                return dollar;
            }

            return currency;
        }

        if (t.FreeWord(j) is { } word && Currencies.IsCode(word))
        {
            start = j;
            return word.ToUpperInvariant();
        }

        return null;
    }

    private static string? CurrencyAfter(EntryTokens t, int i, out int length)
    {
        length = 1;
        if (t.IsFreeKind(i, TokenKind.CurrencySymbol))
        {
            return Currencies.FromSymbol(t[i].Text[0]);
        }

        return t.FreeWord(i) is { } word ? Currencies.FromWordAfterAmount(word) : null;
    }

    /// <summary>1000 for "k", "thousand" and "grand"; a million for "m" or "million" only beside a currency.</summary>
    private static decimal Multiplier(EntryTokens t, int i, bool hasCurrency)
    {
        if (t.FreeWord(i) is not { } word)
        {
            return 1;
        }

        var joined = t.IsJoined(i);
        if ((joined && word is "k" or "K") || word.Equals("thousand", StringComparison.OrdinalIgnoreCase) || word.Equals("grand", StringComparison.OrdinalIgnoreCase))
        {
            return 1000;
        }

        if (hasCurrency && ((joined && word is "m" or "M" or "mn") || word.Equals("million", StringComparison.OrdinalIgnoreCase)))
        {
            return 1_000_000;
        }

        return 1;
    }

    private static bool IsPlausibleBareAmount(EntryTokens t, int i, int end, bool multiplied)
    {
        if (t[i].Text.Contains('/') || (!multiplied && t.IsWordIn(i - 1, LabelWords)) || t.IsPunctuation(i - 1, '#'))
        {
            return false;
        }

        if (end >= t.Count || !t.IsFree(end))
        {
            return true;
        }

        var next = t[end];
        if (t.IsJoined(end) && next.Kind is TokenKind.Word or TokenKind.Number)
        {
            return false;
        }

        // "0.08/word" is a rate, "24/7" is not money.
        if (next.IsPunctuation('/') && t.IsWordIn(end + 1, RateUnits))
        {
            return true;
        }

        return next.Kind switch
        {
            TokenKind.Word => BareFollowers.Contains(next.Text),
            TokenKind.Punctuation => next.Text[0] is not ('%' or 'x' or '×' or '-' or '+' or '/' or ':' or '*'),
            _ => true,
        };
    }

    // "Calendar 2027": a bare number that reads as a year is the weakest candidate.
    private static bool IsYearLike(string digits) =>
        digits.Length == 4 && (digits.StartsWith("19", StringComparison.Ordinal) || digits.StartsWith("20", StringComparison.Ordinal))
        && digits.AsSpan().IndexOfAnyExceptInRange('0', '9') < 0 && digits[2..] != "00";

    private enum Strength : byte
    {
        YearLike,
        Bare,
        MoneyWord,
        Currency,
    }

    private readonly record struct Candidate(int CueStart, int Start, int End, int QualifierEnd, decimal Value, string? Currency, Strength Strength);
}
