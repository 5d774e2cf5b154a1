namespace Keel.FixCi.Analysis;

/// <summary>A log line with its CI framing taken off: the text a tool actually printed.</summary>
internal readonly ref struct FramedLine(ReadOnlySpan<char> text, ActionsMarker marker, bool startsStep)
{
    public ReadOnlySpan<char> Text { get; } = text;

    public ActionsMarker Marker { get; } = marker;

    /// <summary>True on the first line of a new Actions step (a <c>##[group]Run</c> header or a new step column).</summary>
    public bool StartsStep { get; } = startsStep;
}
