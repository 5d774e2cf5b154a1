using System.Collections.Frozen;
using System.Text;

namespace Keel.Gigzilla.QuickEntry;

/// <summary>
/// Builds the title from the tokens no recognizer claimed: connecting words next to a removed part ("for" in
/// "Logo for Acme") go, runs of punctuation left behind collapse to one mark, and the ends are trimmed.
/// </summary>
internal static class EntryTitle
{
    private static readonly FrozenSet<string> Connectors = new[]
    {
        "for", "by", "due", "in", "within", "on", "until", "till", "til", "before", "at", "deadline", "eta",
        "budget", "fee", "price", "rate", "cost", "paid", "pay", "client", "and", "the", "a", "an", "from",
        "with",
    }.ToFrozenSet(StringComparer.OrdinalIgnoreCase);

    // Connectors that may open a title ("The Big Book cover", "A logo") and are kept there.
    private static readonly FrozenSet<string> Openers = new[] { "the", "a", "an" }.ToFrozenSet(StringComparer.OrdinalIgnoreCase);

    public static string Build(EntryTokens t)
    {
        var keep = new bool[t.Count];
        for (var i = 0; i < t.Count; i++)
        {
            keep[i] = t.IsFree(i);
        }

        DropConnectorsNextToRemovedParts(t, keep);
        var kept = new List<int>(t.Count);
        for (var i = 0; i < t.Count; i++)
        {
            if (!keep[i])
            {
                continue;
            }

            // After removing "Acme" from "Logo, Acme, cards" two commas meet; one is enough.
            if (kept.Count > 0 && kept[^1] != i - 1 && IsBreak(t, i) && IsBreak(t, kept[^1]))
            {
                continue;
            }

            // Brackets emptied by removing "(Acme)" or "(1500 USD, due Feb 15)" go too.
            if (t[i].IsPunctuation(')') && OpeningOfEmptiedBracket(t, kept) is var opening and >= 0)
            {
                kept.RemoveRange(opening, kept.Count - opening);
                continue;
            }

            kept.Add(i);
        }

        Trim(t, kept);
        return Join(t, kept);
    }

    /// <summary>Position in <paramref name="kept"/> of the last "(" if only punctuation follows it; otherwise -1.</summary>
    private static int OpeningOfEmptiedBracket(EntryTokens t, List<int> kept)
    {
        for (var k = kept.Count - 1; k >= 0; k--)
        {
            var token = t[kept[k]];
            if (token.IsPunctuation('('))
            {
                return k;
            }

            if (token.Kind != TokenKind.Punctuation)
            {
                return -1;
            }
        }

        return -1;
    }

    private static void DropConnectorsNextToRemovedParts(EntryTokens t, bool[] keep)
    {
        bool changed;
        do
        {
            changed = false;
            for (var i = 0; i < t.Count; i++)
            {
                if (keep[i] && IsConnector(t, i) && (IsRemovedPart(t, i + 1, keep) || (IsRemovedPart(t, i - 1, keep) && !StartsTitleWords(t, i + 1, keep))))
                {
                    keep[i] = false;
                    changed = true;
                }
            }
        }
        while (changed);
    }

    // A token dropped as a connector counts as removed too, so "for the" both go before "Acme".
    private static bool IsRemovedPart(EntryTokens t, int i, bool[] keep) =>
        i >= 0 && i < t.Count && !keep[i] && !t[i].IsPunctuation(',');

    // "in" after "Acme" stays in "Landing page for Acme in English": title words follow it.
    private static bool StartsTitleWords(EntryTokens t, int i, bool[] keep) =>
        i < t.Count && keep[i] && t[i].Kind is TokenKind.Word or TokenKind.Number && !IsConnector(t, i);

    private static bool IsConnector(EntryTokens t, int i) =>
        t[i].Kind == TokenKind.Word && t.IsWordIn(i, Connectors) && !t.IsInsideWord(i - 1) && !t.IsInsideWord(i + 1)
        && !(i > 0 && t[i].Text.Length == 1 && char.IsUpper(t[i].Text[0])); // "Plan A" keeps its "A"

    private static bool IsBreak(EntryTokens t, int i) =>
        t[i].Kind == TokenKind.Punctuation && !t.IsInsideWord(i) && t[i].Text[0] is not ('(' or ')' or '"' or '\'' or '&' or '+');

    private static void Trim(EntryTokens t, List<int> kept)
    {
        bool changed;
        do
        {
            changed = false;
            if (kept.Count > 0 && IsTrimmable(t, kept, 0, atStart: true))
            {
                kept.RemoveAt(0);
                changed = true;
            }

            if (kept.Count > 0 && IsTrimmable(t, kept, kept.Count - 1, atStart: false))
            {
                kept.RemoveAt(kept.Count - 1);
                changed = true;
            }
        }
        while (changed);
    }

    private static bool IsTrimmable(EntryTokens t, List<int> kept, int position, bool atStart)
    {
        var i = kept[position];
        var token = t[i];
        if (token.Kind == TokenKind.Word)
        {
            return IsConnector(t, i) && !(atStart && t.IsWordIn(i, Openers));
        }

        if (token.Kind != TokenKind.Punctuation)
        {
            return false;
        }

        // A bracket or quote stays when its partner is in the title: "Logo (v2)".
        return token.Text[0] switch
        {
            '(' => !HasKept(t, kept, ')'),
            ')' => !HasKept(t, kept, '('),
            '[' => !HasKept(t, kept, ']'),
            ']' => !HasKept(t, kept, '['),
            '"' => CountKept(t, kept, '"') % 2 == 1,
            '“' => !HasKept(t, kept, '”'),
            '”' => !HasKept(t, kept, '“'),
            _ => true,
        };
    }

    private static bool HasKept(EntryTokens t, List<int> kept, char c) => CountKept(t, kept, c) > 0;

    private static int CountKept(EntryTokens t, List<int> kept, char c)
    {
        var count = 0;
        foreach (var i in kept)
        {
            if (t[i].IsPunctuation(c))
            {
                count++;
            }
        }

        return count;
    }

    private static string Join(EntryTokens t, List<int> kept)
    {
        var title = new StringBuilder(t.Text.Length);
        for (var k = 0; k < kept.Count; k++)
        {
            var i = kept[k];
            var attachesLeft = t[i].Kind == TokenKind.Punctuation && t[i].Text[0] is ',' or '.' or ';' or ':' or '!' or '?' or ')' or ']';
            var wasAttached = t[i].JoinedToPrevious && k > 0 && kept[k - 1] == i - 1;
            if (k > 0 && !attachesLeft && !wasAttached)
            {
                title.Append(' ');
            }

            title.Append(t[i].Text);
        }

        return title.ToString();
    }
}
