namespace Keel.FixCi.Analysis;

/// <summary>
/// The last few non-blank lines, kept in reusable buffers so that remembering them costs no allocation per line.
/// They are the fallback report when no line matches any failure signature.
/// </summary>
internal sealed class RecentLines(int capacity)
{
    private readonly char[][] _text = Enumerable.Range(0, capacity).Select(_ => new char[256]).ToArray();
    private readonly int[] _length = new int[capacity];
    private readonly int[] _number = new int[capacity];
    private int _next;
    private int _count;

    public void Add(int number, ReadOnlySpan<char> text)
    {
        if (_text[_next].Length < text.Length)
        {
            _text[_next] = new char[Math.Min(text.Length, 64 * 1024)];
        }
        var length = Math.Min(text.Length, _text[_next].Length);
        text[..length].CopyTo(_text[_next]);
        _length[_next] = length;
        _number[_next] = number;
        _next = (_next + 1) % capacity;
        _count = Math.Min(_count + 1, capacity);
    }

    public int Count => _count;

    public void Clear() => _count = 0;

    public IReadOnlyList<LogLine> Snapshot()
    {
        var lines = new List<LogLine>(_count);
        for (var i = 0; i < _count; i++)
        {
            var slot = (_next - _count + i + capacity) % capacity;
            lines.Add(new LogLine(_number[slot], new string(_text[slot], 0, _length[slot])));
        }
        return lines;
    }
}
