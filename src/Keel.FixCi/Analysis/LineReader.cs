namespace Keel.FixCi.Analysis;

/// <summary>
/// Reads lines without allocating a string per line. A line ends at "\n", "\r\n" or a lone "\r"
/// (progress bars rewrite their line with "\r"; each rewrite counts as a line, as editors and the
/// breakage dataset count them).
/// </summary>
internal sealed class LineReader(TextReader reader)
{
    // A line longer than this is cut into pieces so one pathological line cannot exhaust memory.
    private const int MaxLineLength = 1 << 20;

    private char[] _buffer = new char[64 * 1024];
    private int _start;
    private int _end;
    private bool _eof;
    private bool _skipLeadingLineFeed;

    /// <summary>The returned span is only valid until the next call.</summary>
    public bool TryReadLine(out ReadOnlySpan<char> line)
    {
        while (true)
        {
            if (_skipLeadingLineFeed && _start < _end)
            {
                _skipLeadingLineFeed = false;
                if (_buffer[_start] == '\n')
                {
                    _start++;
                }
            }

            var pending = _buffer.AsSpan(_start, _end - _start);
            var index = pending.IndexOfAny('\r', '\n');
            if (index >= 0)
            {
                line = pending[..index];
                _start += index + 1;
                if (pending[index] == '\r')
                {
                    if (index + 1 < pending.Length)
                    {
                        if (pending[index + 1] == '\n')
                        {
                            _start++;
                        }
                    }
                    else
                    {
                        _skipLeadingLineFeed = true;
                    }
                }
                return true;
            }

            if (_eof)
            {
                _skipLeadingLineFeed = false;
                if (pending.IsEmpty)
                {
                    line = default;
                    return false;
                }
                line = pending;
                _start = _end;
                return true;
            }

            if (pending.Length >= MaxLineLength)
            {
                line = pending;
                _start = _end;
                return true;
            }

            Fill();
        }
    }

    private void Fill()
    {
        var remaining = _end - _start;
        if (remaining > 0 && _start > 0)
        {
            Array.Copy(_buffer, _start, _buffer, 0, remaining);
        }
        _start = 0;
        _end = remaining;
        if (_end == _buffer.Length)
        {
            Array.Resize(ref _buffer, Math.Min(_buffer.Length * 2, MaxLineLength * 2));
        }

        var read = reader.Read(_buffer, _end, _buffer.Length - _end);
        if (read == 0)
        {
            _eof = true;
        }
        _end += read;
    }
}
