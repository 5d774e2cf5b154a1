using System.Collections.Frozen;

namespace Keel.Gigzilla.QuickEntry;

/// <summary>
/// Finds a known client named anywhere in the line, ignoring case and spacing; the longest name wins and is
/// reported with its stored spelling. A legal form typed after it ("Acme Corp" for a stored "Acme") and a
/// possessive ("Acme's logo") are dropped with the name.
/// </summary>
internal static class KnownClientMatcher
{
    private static readonly FrozenSet<string> LegalForms = new[]
    {
        "corp", "corporation", "inc", "incorporated", "ltd", "limited", "llc", "llp", "plc", "gmbh", "ag", "sa",
        "sarl", "sas", "bv", "nv", "srl", "co",
    }.ToFrozenSet(StringComparer.OrdinalIgnoreCase);

    public static string? Claim(EntryTokens t, IReadOnlyCollection<string> knownClients)
    {
        string? best = null;
        var bestStart = 0;
        var bestEnd = 0;
        var bestLength = 0;
        foreach (var name in knownClients)
        {
            if (string.IsNullOrWhiteSpace(name) || name.Length < bestLength || !MayOccurIn(t.Text, name))
            {
                continue;
            }

            var nameTokens = SignificantTokens(name);
            if (nameTokens.Length == 0)
            {
                continue;
            }

            for (var start = 0; start + nameTokens.Length <= t.Count; start++)
            {
                if (Matches(t, start, nameTokens) && (name.Length > bestLength || start < bestStart))
                {
                    best = name;
                    bestStart = start;
                    bestEnd = start + nameTokens.Length;
                    bestLength = name.Length;
                    break;
                }
            }
        }

        if (best is null)
        {
            return null;
        }

        t.Claim(bestStart, bestEnd, TokenClaim.Client);
        var end = bestEnd;

        // Stored as "Acme", typed as "Acme Corp" or "Acme GmbH": the legal form belongs to the name, not the title.
        while ((t.IsWordIn(end, LegalForms) && !(t.IsJoined(end + 1) && !t[end + 1].IsPunctuation('.')))
            || (t.IsPunctuation(end, '.') && t.IsJoined(end) && end > bestEnd))
        {
            end++;
        }

        if (t.IsFree(end) && t.IsJoined(end) && t[end].Text is "'s" or "’s")
        {
            end++;
        }

        t.Claim(bestEnd, end, TokenClaim.Cue);
        return best;
    }

    /// <summary>A cheap check before tokenizing the name: its first word must appear somewhere in the text.</summary>
    private static bool MayOccurIn(string text, string name)
    {
        var trimmed = name.AsSpan().Trim();
        var space = trimmed.IndexOfAny(' ', '\t');
        var firstWord = space < 0 ? trimmed : trimmed[..space];
        var letters = firstWord.IndexOfAny(",.;:!?'’");
        return text.AsSpan().Contains(letters > 0 ? firstWord[..letters] : firstWord, StringComparison.OrdinalIgnoreCase);
    }

    /// <summary>The tokens of a stored name without trailing punctuation, so "Acme Inc." also matches "acme inc,".</summary>
    private static Token[] SignificantTokens(string name)
    {
        var tokens = QuickEntryTokenizer.Tokenize(name);
        var count = tokens.Length;
        while (count > 0 && tokens[count - 1].Kind == TokenKind.Punctuation)
        {
            count--;
        }

        return tokens[..count];
    }

    private static bool Matches(EntryTokens t, int start, Token[] nameTokens)
    {
        for (var k = 0; k < nameTokens.Length; k++)
        {
            var token = t[start + k];
            if (!t.IsFree(start + k) || token.Kind != nameTokens[k].Kind
                || !string.Equals(token.Text, nameTokens[k].Text, StringComparison.OrdinalIgnoreCase))
            {
                return false;
            }
        }

        // The next token must not continue the word: "Acme" does not match "Acmeville".
        var end = start + nameTokens.Length;
        return end >= t.Count || !t.IsJoined(end) || t[end].Kind is TokenKind.Punctuation || t[end].Text is "'s" or "’s";
    }
}
