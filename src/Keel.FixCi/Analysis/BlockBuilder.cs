namespace Keel.FixCi.Analysis;

/// <summary>
/// Grows blocks around evidence lines as the log streams by. An anchor opens a block; continuation lines
/// (stack frames, indented details) and markers right after it extend it; up to <see cref="MaxGap"/> ordinary
/// lines are bridged when more evidence follows; break lines (info output, a new step) close it. Markers just
/// before an anchor are pulled in; failing that, when a passing log tells which lines are new, the new output
/// just before the anchor is (what the failing command printed before it died). Only the strongest <see cref="MaxCandidates"/> blocks are kept, so memory
/// stays bounded whatever the log size.
/// </summary>
internal sealed class BlockBuilder(int maxLinesPerBlock)
{
    private const int MaxGap = 3;
    private const int MaxCandidates = 256;
    private const int MaxPulledMarkers = 3;
    private const int MaxPulledContext = 12;

    private readonly List<BlockCandidate> _closed = [];
    private readonly List<(int Number, string Text)> _gapLines = [];
    private readonly List<(int Number, string Text, LineClass Verdict)> _markers = [];
    private readonly RecentLines _newOutput = new(MaxPulledContext);
    private BlockCandidate? _open;
    private int _gap;

    public IReadOnlyList<BlockCandidate> Blocks
    {
        get
        {
            Close();
            return _closed;
        }
    }

    /// <param name="isNew">
    /// True when the line is known to be absent from the passing log (or is blank); false when it is shared or
    /// when there is no passing log.
    /// </param>
    public void Add(int number, ReadOnlySpan<char> text, LineClass verdict, int step, bool isNew)
    {
        switch (verdict.Kind)
        {
            case LineKind.Break:
                Close();
                _markers.Clear();
                _newOutput.Clear();
                break;

            case LineKind.Neutral or LineKind.Header:
                Skip(number, text);
                _markers.Clear();
                NoteOutput(number, text, isNew && verdict.Kind == LineKind.Neutral);
                break;

            case LineKind.Marker:
                // A marker joins the block right above it, across one line of output but not across a blank line.
                if (_open is not null && (_gap == 0 || (_gap == 1 && !_gapLines[0].Text.AsSpan().IsWhiteSpace())))
                {
                    Extend(number, text, verdict);
                }
                else
                {
                    Skip(number, text);
                    _newOutput.Clear();
                    if (_markers.Count == MaxPulledMarkers)
                    {
                        _markers.RemoveAt(0);
                    }
                    _markers.Add((number, text.ToString(), verdict));
                }
                break;

            case LineKind.Continuation:
                // Stack frames and indented details may follow a blank line, as in "To fix this, run:\n\n    cmd".
                var afterBlank = _gap == 1 && _gapLines[0].Text.AsSpan().IsWhiteSpace();
                if (_open is not null && (_gap == 0 || (_gap == 1 && (verdict.Score > 0 || afterBlank))))
                {
                    Extend(number, text, verdict);
                    _newOutput.Clear();
                }
                else
                {
                    Skip(number, text);
                    NoteOutput(number, text, isNew);
                }
                _markers.Clear();
                break;

            case LineKind.Anchor:
                if (_open is not null && _gap <= MaxGap)
                {
                    Extend(number, text, verdict);
                }
                else
                {
                    Close();
                    Open(number, text, verdict, step);
                }
                _markers.Clear();
                _newOutput.Clear();
                break;
        }
    }

    private void Open(int number, ReadOnlySpan<char> text, LineClass verdict, int step)
    {
        var lead = new List<(int Number, string Text, LineClass Verdict)>();
        if (_markers.Count > 0 && _markers[^1].Number == number - 1)
        {
            lead.AddRange(_markers);
        }
        else if (_newOutput.Count > 0)
        {
            var output = _newOutput.Snapshot();
            if (output[^1].Number == number - 1)
            {
                lead.AddRange(output.SkipWhile(l => l.Text.AsSpan().IsWhiteSpace()).Select(l => (l.Number, l.Text, LineClass.Neutral)));
            }
        }

        _open = new BlockCandidate(lead.Count > 0 ? lead[0].Number : number, step, maxLinesPerBlock);
        foreach (var (leadNumber, leadText, leadVerdict) in lead)
        {
            _open.Add(leadNumber, leadText, leadVerdict);
        }
        _open.Add(number, text.ToString(), verdict);
        _gap = 0;
    }

    private void NoteOutput(int number, ReadOnlySpan<char> text, bool isNew)
    {
        if (isNew)
        {
            _newOutput.Add(number, text);
        }
        else
        {
            _newOutput.Clear();
        }
    }

    private void Skip(int number, ReadOnlySpan<char> text)
    {
        if (_open is null)
        {
            return;
        }
        _gap++;
        if (_gap > MaxGap)
        {
            Close();
            return;
        }
        _gapLines.Add((number, text.ToString()));
    }

    private void Extend(int number, ReadOnlySpan<char> text, LineClass verdict)
    {
        foreach (var (gapNumber, gapText) in _gapLines)
        {
            _open!.Add(gapNumber, gapText, LineClass.Neutral);
        }
        _gapLines.Clear();
        _gap = 0;
        _open!.Add(number, text.ToString(), verdict);
    }

    private void Close()
    {
        _gapLines.Clear();
        _gap = 0;
        if (_open is null)
        {
            return;
        }
        _closed.Add(_open);
        _open = null;
        if (_closed.Count > MaxCandidates)
        {
            var weakest = 0;
            for (var i = 1; i < _closed.Count; i++)
            {
                if (_closed[i].Score < _closed[weakest].Score)
                {
                    weakest = i;
                }
            }
            _closed.RemoveAt(weakest);
        }
    }
}
