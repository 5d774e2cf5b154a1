namespace Keel.FixCi.Analysis;

/// <summary>A block while it is being built: its range, its strongest evidence and a bounded excerpt of its text.</summary>
internal sealed class BlockCandidate(int start, int step, int maxLines)
{
    private const int TailLength = 5;

    private readonly List<LogLine> _head = [];
    private readonly Queue<LogLine> _tail = new();

    public int Start { get; } = start;

    public int End { get; private set; } = start;

    /// <summary>The Actions step the block starts in (0 when the log has no steps).</summary>
    public int Step { get; } = step;

    public int Score { get; private set; }

    public FailureRule? Rule { get; private set; }

    public string Category { get; private set; } = Categories.Other;

    public string Evidence { get; private set; } = "";

    public int LineCount => End - Start + 1;

    public void Add(int number, string text, LineClass verdict)
    {
        End = number;
        if (_head.Count < maxLines)
        {
            _head.Add(new LogLine(number, text));
        }
        else
        {
            if (_tail.Count == TailLength)
            {
                _tail.Dequeue();
            }
            _tail.Enqueue(new LogLine(number, text));
        }

        if (verdict.Kind is LineKind.Anchor or LineKind.Marker && verdict.Rule is not null)
        {
            var better = verdict.Score > Score
                || (verdict.Score == Score && Category == Categories.Other && verdict.Category != Categories.Other);
            if (better)
            {
                Score = verdict.Score;
                Rule = verdict.Rule;
                Category = verdict.Category ?? Categories.Other;
                Evidence = text;
            }
        }
    }

    public IReadOnlyList<LogLine> Lines()
    {
        if (_tail.Count == 0)
        {
            return _head;
        }
        var lines = new List<LogLine>(_head.Count + _tail.Count);
        lines.AddRange(_head);
        lines.AddRange(_tail);
        return lines;
    }
}
