namespace Keel.Gigzilla.QuickEntry;

/// <summary>
/// Reads one line of natural-language quick entry ("Logo for Acme Corp, €1,500, 2 weeks") into a title,
/// client, amount, currency and deadline. English only; never throws on odd input and never looks at the clock.
/// </summary>
/// <remarks>
/// <para><b>Client.</b> A known client named anywhere in the line, ignoring case (the longest name wins and is
/// returned with its stored spelling); otherwise the words after "for" (or "client:") up to the amount, the
/// date, punctuation or a word such as "by", "with" or "on". When the line uses capitals the name must contain one.</para>
/// <para><b>Amount.</b> € $ £ ¥ (and a few other symbols), ISO codes and currency names before or after the number
/// ("EUR 500", "500 USD", "300 euros"), a "k" multiplier ("1.5k", "$2k"), US and European separators ("1,500",
/// "1.500 €", "1.234,56 €", "€ 3 500", "$1,250.50"), or a bare number after a money word ("budget 800") or standing
/// alone. Numbers that label or count ("x4", "40 photos", "episode 3") stay in the title.</para>
/// <para><b>Deadline</b>, relative to <c>today</c>:
/// "today"; "tomorrow"; "N days/weeks/months" with or without "in" or "within" (months clamp to the month's
/// end); "a fortnight" (14 days); "N business days" (skipping weekends); "next week" = today + 7 days;
/// "next month" = the same day next month, clamped; "next year" = the same day next year;
/// a weekday name, "this Friday", "by Friday", "coming Friday" and "next Friday" all = the first Friday strictly
/// after today; "Friday next week" = the Friday of the following Monday-to-Sunday week;
/// "end of week" / "this week" = this week's Friday (the coming Friday on a weekend); "end of next week" = that + 7 days;
/// "end of month" / "this month" = the last day of the current month; "end of next month" = the last day of next month;
/// "end of year" = 31 December; "end of February" = the last day of that month this year, or next year if passed;
/// "mid March" = the 15th, "start of March" = the 1st; "the 15th" = the next 15th, today included;
/// "Feb 15", "15 Feb", "February 3rd", "15/02" and "15.03." (day first), "2026-03-31", "15.03.2026",
/// "15/03/2026": a date without a year that has passed this year means next year.</para>
/// <para><b>Title.</b> What remains once the parts above and their connecting words ("for", "by", "due",
/// "budget", commas, dashes) are removed, with the writer's casing; empty when nothing remains.</para>
/// </remarks>
public static class QuickEntryParser
{
    /// <summary>Parses one line of quick entry.</summary>
    /// <param name="text">What the user typed.</param>
    /// <param name="today">The user's local date, against which relative deadlines are resolved.</param>
    /// <param name="knownClients">Names of existing clients, matched anywhere in the text.</param>
    /// <param name="defaultCurrency">The ISO code used when the text names no currency.</param>
    public static ParsedQuickEntry Parse(string text, DateOnly today, IReadOnlyCollection<string> knownClients, string defaultCurrency = "EUR")
    {
        ArgumentNullException.ThrowIfNull(text);
        ArgumentNullException.ThrowIfNull(knownClients);
        ArgumentException.ThrowIfNullOrWhiteSpace(defaultCurrency);

        var tokens = new EntryTokens(text);
        var client = KnownClientMatcher.Claim(tokens, knownClients);
        var deadline = DeadlineRecognizer.Claim(tokens, today);
        var amount = AmountRecognizer.Claim(tokens);
        client ??= ForClientRecognizer.Claim(tokens);
        var title = EntryTitle.Build(tokens);

        var spans = new List<RecognizedSpan>(3);
        AddSpan(spans, tokens.SpanOf(TokenClaim.Client, QuickEntryField.Client));
        AddSpan(spans, tokens.SpanOf(TokenClaim.Amount, QuickEntryField.Amount));
        AddSpan(spans, tokens.SpanOf(TokenClaim.Deadline, QuickEntryField.Deadline));
        spans.Sort((a, b) => a.Start.CompareTo(b.Start));

        return new ParsedQuickEntry(title, client, amount?.Amount, amount?.Currency ?? defaultCurrency, deadline)
        {
            Spans = spans,
        };
    }

    private static void AddSpan(List<RecognizedSpan> spans, RecognizedSpan? span)
    {
        if (span is { } found)
        {
            spans.Add(found);
        }
    }
}
