namespace Keel.FixCi.Analysis;

/// <summary>
/// Takes CI framing off log lines: the "job, step, timestamp" columns of downloaded Actions logs, the ISO
/// timestamp the runner puts at the start of each line, ANSI colour codes and <c>##[...]</c> workflow commands.
/// </summary>
internal sealed class LineFraming
{
    private char[] _scratch = new char[1024];
    private string? _stepColumn;

    /// <summary>The returned text may live in a buffer reused by the next call.</summary>
    public FramedLine Strip(ReadOnlySpan<char> raw)
    {
        var text = raw;
        var startsStep = false;

        var tab = text.Length > 0 && text.Length < 4096 ? text.IndexOf('\t') : -1;
        if (tab >= 0)
        {
            var secondTab = text[(tab + 1)..].IndexOf('\t');
            if (secondTab >= 0)
            {
                var afterColumns = tab + 1 + secondTab + 1;
                if (TimestampLength(text[afterColumns..]) > 0)
                {
                    var step = text[..afterColumns];
                    if (!step.SequenceEqual(_stepColumn))
                    {
                        startsStep = _stepColumn is not null;
                        _stepColumn = step.ToString();
                    }
                    text = text[afterColumns..];
                }
            }
        }

        var stamp = TimestampLength(text);
        if (stamp > 0)
        {
            text = text[stamp..];
        }

        if (text.Contains('\u001b'))
        {
            text = RemoveAnsi(text);
        }

        var marker = ActionsMarker.None;
        if (text.StartsWith("##[", StringComparison.Ordinal))
        {
            var close = text.IndexOf(']');
            if (close > 3)
            {
                marker = text[3..close] switch
                {
                    "group" => ActionsMarker.Group,
                    "endgroup" => ActionsMarker.EndGroup,
                    "error" => ActionsMarker.Error,
                    "warning" => ActionsMarker.Warning,
                    "notice" => ActionsMarker.Notice,
                    "debug" => ActionsMarker.Debug,
                    "command" => ActionsMarker.Command,
                    _ => ActionsMarker.None,
                };
                if (marker != ActionsMarker.None)
                {
                    text = text[(close + 1)..];
                }
            }
        }
        if (marker == ActionsMarker.Group && text.StartsWith("Run ", StringComparison.Ordinal))
        {
            startsStep = true;
        }

        return new FramedLine(text, marker, startsStep);
    }

    /// <summary>Length of a leading "2024-01-31T12:34:56.1234567Z " stamp including the space, or 0.</summary>
    internal static int TimestampLength(ReadOnlySpan<char> text)
    {
        if (text.Length < 20 || text[4] != '-' || text[7] != '-' || text[10] != 'T' || text[13] != ':' || text[16] != ':')
        {
            return 0;
        }
        ReadOnlySpan<int> digits = [0, 1, 2, 3, 5, 6, 8, 9, 11, 12, 14, 15, 17, 18];
        foreach (var i in digits)
        {
            if (!char.IsAsciiDigit(text[i]))
            {
                return 0;
            }
        }

        var end = 19;
        if (end < text.Length && text[end] == '.')
        {
            end++;
            while (end < text.Length && char.IsAsciiDigit(text[end]))
            {
                end++;
            }
        }
        if (end < text.Length && text[end] == 'Z')
        {
            end++;
        }
        else if (end + 5 < text.Length && (text[end] == '+' || text[end] == '-') && text[end + 3] == ':')
        {
            end += 6;
        }

        if (end == text.Length)
        {
            return end;
        }
        return text[end] == ' ' ? end + 1 : 0;
    }

    private ReadOnlySpan<char> RemoveAnsi(ReadOnlySpan<char> text)
    {
        if (_scratch.Length < text.Length)
        {
            _scratch = new char[Math.Max(text.Length, _scratch.Length * 2)];
        }

        var length = 0;
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (c != '\u001b')
            {
                _scratch[length++] = c;
                continue;
            }
            if (i + 1 < text.Length && text[i + 1] == '[')
            {
                i += 2;
                while (i < text.Length && text[i] is >= '\u0020' and <= '\u003f')
                {
                    i++;
                }
                // i now sits on the final byte of the sequence, which the loop skips.
            }
            else
            {
                i++;
            }
        }
        return _scratch.AsSpan(0, length);
    }
}
