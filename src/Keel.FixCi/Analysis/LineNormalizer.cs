namespace Keel.FixCi.Analysis;

/// <summary>
/// Hashes a line after blurring what differs between two runs of the same job: numbers (timestamps,
/// durations, counts, ports), long hexadecimal tokens (hashes, ids, addresses), the name of a directory under a
/// temp folder, and runs of whitespace. Two lines that only differ in those hash alike.
/// </summary>
internal static class LineNormalizer
{
    private const ulong OffsetBasis = 14695981039346656037;
    private const ulong Prime = 1099511628211;

    public static ulong Hash(ReadOnlySpan<char> text)
    {
        var hash = OffsetBasis;
        var previousTokenIsTemp = false;
        var i = 0;
        var pendingSpace = false;
        while (i < text.Length)
        {
            var c = text[i];
            if (char.IsWhiteSpace(c))
            {
                pendingSpace = true;
                i++;
                continue;
            }
            if (pendingSpace)
            {
                hash = Mix(hash, ' ');
                pendingSpace = false;
            }

            if (char.IsAsciiLetterOrDigit(c))
            {
                var end = i;
                var allHex = true;
                var hasDigit = false;
                while (end < text.Length && char.IsAsciiLetterOrDigit(text[end]))
                {
                    allHex &= char.IsAsciiHexDigit(text[end]);
                    hasDigit |= char.IsAsciiDigit(text[end]);
                    end++;
                }
                var token = text[i..end];
                if (allHex && hasDigit && token.Length >= 7)
                {
                    hash = Mix(hash, '#');
                }
                else
                {
                    var inDigits = false;
                    foreach (var t in token)
                    {
                        if (char.IsAsciiDigit(t))
                        {
                            if (!inDigits)
                            {
                                hash = Mix(hash, '0');
                            }
                            inDigits = true;
                        }
                        else
                        {
                            hash = Mix(hash, t);
                            inDigits = false;
                        }
                    }
                }
                previousTokenIsTemp = token.Equals("tmp", StringComparison.OrdinalIgnoreCase)
                    || token.Equals("temp", StringComparison.OrdinalIgnoreCase);
                i = end;
                continue;
            }

            hash = Mix(hash, c);
            i++;
            if ((c == '/' || c == '\\') && previousTokenIsTemp)
            {
                // The directory right under a temp folder is random per run (mktemp, runner temp ids).
                while (i < text.Length && text[i] is not ('/' or '\\' or ' ' or '\'' or '"' or ')'))
                {
                    i++;
                }
                hash = Mix(hash, '*');
            }
            previousTokenIsTemp = false;
        }
        return hash;
    }

    private static ulong Mix(ulong hash, char c) => (hash ^ c) * Prime;
}
