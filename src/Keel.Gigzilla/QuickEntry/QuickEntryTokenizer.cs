namespace Keel.Gigzilla.QuickEntry;

/// <summary>
/// Splits a line into words, numbers, currency symbols and single punctuation marks, remembering whether
/// each token touches the previous one ("1.5k" is a number joined to the word "k").
/// </summary>
internal static class QuickEntryTokenizer
{
    public static Token[] Tokenize(string text)
    {
        var tokens = new List<Token>(16);
        var joined = false;
        var i = 0;
        while (i < text.Length)
        {
            var c = text[i];
            if (char.IsWhiteSpace(c))
            {
                joined = false;
                i++;
                continue;
            }

            var start = i;
            TokenKind kind;
            if (IsWordChar(c))
            {
                i = ScanWord(text, i);
                kind = TokenKind.Word;
            }
            else if (char.IsAsciiDigit(c))
            {
                i = ScanNumber(text, i);
                kind = TokenKind.Number;
            }
            else if (IsApostrophe(c) && IsPossessiveAt(text, i))
            {
                i += 2;
                kind = TokenKind.Word;
            }
            else
            {
                i++;
                kind = Currencies.IsSymbol(c) ? TokenKind.CurrencySymbol : TokenKind.Punctuation;
            }

            tokens.Add(new Token(kind, start, i, text[start..i], joined));
            joined = true;
        }

        return [.. tokens];
    }

    private static int ScanWord(string text, int i)
    {
        i++;
        while (i < text.Length)
        {
            var c = text[i];
            if (IsWordChar(c))
            {
                i++;
            }
            else if ((IsApostrophe(c) && !IsPossessiveAt(text, i)) || c == '.')
            {
                // "O'Brien" and "acme.com" are one word; "Acme's" and "Feb. 15" are not.
                if (i + 1 < text.Length && IsWordChar(text[i + 1]))
                {
                    i += 2;
                }
                else
                {
                    break;
                }
            }
            else
            {
                break;
            }
        }

        return i;
    }

    private static int ScanNumber(string text, int i)
    {
        var groupedThousands = false;
        while (i < text.Length)
        {
            var c = text[i];
            if (char.IsAsciiDigit(c))
            {
                i++;
            }
            else if (c is '.' or ',' or '/' or '\'' or '’' && i + 1 < text.Length && char.IsAsciiDigit(text[i + 1]))
            {
                // In "€1,500,2 weeks" the second comma separates items; a thousands group has three digits.
                var groupLength = DigitRunLength(text, i + 1);
                if (c == ',' && groupedThousands && groupLength != 3)
                {
                    break;
                }

                groupedThousands |= c == ',' && groupLength == 3;
                i += 1 + groupLength;
            }
            else
            {
                break;
            }
        }

        return i;
    }

    private static int DigitRunLength(string text, int i)
    {
        var start = i;
        while (i < text.Length && char.IsAsciiDigit(text[i]))
        {
            i++;
        }

        return i - start;
    }

    private static bool IsWordChar(char c) =>
        char.IsLetter(c) || char.GetUnicodeCategory(c) == System.Globalization.UnicodeCategory.NonSpacingMark;

    private static bool IsApostrophe(char c) => c is '\'' or '’';

    private static bool IsPossessiveAt(string text, int i) =>
        i + 1 < text.Length
        && text[i + 1] is 's' or 'S'
        && (i + 2 == text.Length || !IsWordChar(text[i + 2]));
}
