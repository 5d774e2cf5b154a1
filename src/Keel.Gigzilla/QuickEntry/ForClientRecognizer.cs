using System.Collections.Frozen;

namespace Keel.Gigzilla.QuickEntry;

/// <summary>
/// Reads a client named after "for" (or "client:"), up to the amount, the date, punctuation or a word that
/// starts something else ("by", "with", "on"). When the line uses capitals, a name must contain one, so
/// "Design for print" has no client while "Design for Acme" has; in an all-lowercase line any phrase counts.
/// </summary>
internal static class ForClientRecognizer
{
    private const int MaxWords = 6;

    private static readonly FrozenSet<string> StopWords = new[]
    {
        "by", "due", "until", "till", "til", "before", "within", "in", "on", "at", "with", "about", "regarding",
        "re", "budget", "fee", "deadline", "asap", "eta", "via", "to", "from", "per", "each", "including", "incl",
        "plus", "starting", "urgent", "rush", "total", "approx", "around", "is", "who", "which", "that", "as",
    }.ToFrozenSet(StringComparer.OrdinalIgnoreCase);

    // A phrase starting like this describes the work, not a client: "for a startup", "for our blog".
    private static readonly FrozenSet<string> NotAClient = new[]
    {
        "a", "an", "my", "our", "your", "their", "his", "her", "its", "this", "that", "these", "those", "some",
        "every", "all", "me", "us", "them", "him", "myself", "free", "fun", "web", "website", "site", "print",
        "social", "instagram", "facebook", "linkedin", "tiktok", "youtube", "twitter", "pinterest", "blog",
        "newsletter", "launch", "internal", "personal", "mobile", "ios", "android", "desktop", "email", "kids",
        "children", "sale", "use", "review", "approval", "feedback", "two", "three", "several", "both", "each",
    }.ToFrozenSet(StringComparer.OrdinalIgnoreCase);

    // Lower-case words that may sit inside a capitalised name: "Bank of America", "Smith and Sons".
    private static readonly FrozenSet<string> NameParticles = new[]
    {
        "of", "and", "the", "de", "del", "der", "den", "van", "von", "la", "le", "du", "da", "di", "y", "et", "for",
    }.ToFrozenSet(StringComparer.OrdinalIgnoreCase);

    // Abbreviations whose dot belongs inside a name: "Dr. Weber", "St. Mary's".
    private static readonly FrozenSet<string> Honorifics = new[]
    {
        "dr", "mr", "mrs", "ms", "prof", "st", "mt",
    }.ToFrozenSet(StringComparer.OrdinalIgnoreCase);

    public static string? Claim(EntryTokens t)
    {
        var capitalised = UsesCapitals(t);
        for (var i = 0; i < t.Count; i++)
        {
            var phraseStart = IntroducedPhraseStart(t, i);
            if (phraseStart < 0 || !TryReadName(t, phraseStart, capitalised, out var last, out var possessive))
            {
                continue;
            }

            t.Claim(i, phraseStart, TokenClaim.Cue);
            t.Claim(phraseStart, last + 1, TokenClaim.Client);
            if (possessive == last + 1)
            {
                // "for Acme's new store": the client is Acme and the possessive goes with it.
                t.Claim(possessive, possessive + 1, TokenClaim.Cue);
            }

            return t.Slice(phraseStart, last);
        }

        return null;
    }

    /// <summary>Index where a name would start after "for", "client", "client:" or "for client"; -1 otherwise.</summary>
    private static int IntroducedPhraseStart(EntryTokens t, int i)
    {
        int j;
        if (t.IsWord(i, "for"))
        {
            j = t.IsWord(i + 1, "client") ? i + 2 : i + 1;
        }
        else if (t.IsWord(i, "client") && t.IsPunctuation(i + 1, ':'))
        {
            j = i + 1;
        }
        else
        {
            return -1;
        }

        return t.IsPunctuation(j, ':') ? j + 1 : j;
    }

    private static bool TryReadName(EntryTokens t, int start, bool capitalised, out int last, out int possessive)
    {
        last = -1;
        possessive = -1;
        var words = 0;
        var hasCapital = false;
        for (var j = start; j < t.Count && t.IsFree(j); j++)
        {
            var token = t[j];
            if (token.Kind == TokenKind.Word)
            {
                if (token.Text is "'s" or "’s")
                {
                    possessive = j;
                    break;
                }

                if (t.IsWordIn(j, StopWords) && !t.IsJoined(j))
                {
                    break;
                }

                if (words == 0 && t.IsWordIn(j, NotAClient))
                {
                    return false;
                }

                var capitalisedWord = HasUpper(token.Text);
                if (capitalised && words > 0 && !capitalisedWord && !t.IsJoined(j)
                    && !(t.IsWordIn(j, NameParticles) && j + 1 < t.Count && t.IsFree(j + 1) && HasUpper(t[j + 1].Text)))
                {
                    break;
                }

                hasCapital |= capitalisedWord;
                words++;
                last = j;
            }
            else if (token.Kind == TokenKind.Number)
            {
                if (words == 0)
                {
                    return false;
                }

                // "Studio 54" is a name; in "Helix Bio 90 seconds" the number starts a description.
                if (t.FreeWord(j + 1) is { } following && !HasUpper(following))
                {
                    break;
                }

                hasCapital = true;
                last = j;
            }
            else if (token.Kind == TokenKind.Punctuation
                && (t.IsInsideWord(j)
                    || (words > 0 && token.Text is "&" or "+")
                    || (token.IsPunctuation('.') && t.IsJoined(j) && last == j - 1 && IsAbbreviatedNamePart(t, j - 1))))
            {
                continue;
            }
            else
            {
                break;
            }
        }

        while (last >= start && t[last].Kind == TokenKind.Word && t.IsWordIn(last, NameParticles))
        {
            last--;
        }

        return last >= start && words is > 0 and <= MaxWords && (hasCapital || !capitalised);
    }

    /// <summary>"Dr." or an initial ("J.P.", "A.") whose dot stays inside a name when a capitalised word follows.</summary>
    private static bool IsAbbreviatedNamePart(EntryTokens t, int word)
    {
        var text = t[word].Text;
        var followedByName = t.FreeWord(word + 2) is { } next && char.IsUpper(next[0]);
        return Honorifics.Contains(text) || (followedByName && (text.Length == 1 || text.Contains('.')));
    }

    /// <summary>
    /// True when a free word after the first one is written in mixed case ("Acme", "eBay"), so capitals carry
    /// meaning; acronyms ("SEO", "EUR") and words already read as dates say nothing about the writer's habits.
    /// </summary>
    private static bool UsesCapitals(EntryTokens t)
    {
        for (var i = 1; i < t.Count; i++)
        {
            if (t.FreeWord(i) is { } word && HasUpper(word) && word.AsSpan().IndexOfAnyInRange('a', 'z') >= 0)
            {
                return true;
            }
        }

        return false;
    }

    private static bool HasUpper(string text)
    {
        foreach (var c in text)
        {
            if (char.IsUpper(c))
            {
                return true;
            }
        }

        return false;
    }
}
