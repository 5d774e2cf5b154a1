namespace Keel.FixCi.Analysis;

/// <summary>A line split into the log level its leading tag declares and the text after the tag.</summary>
internal readonly ref struct LeveledText(LineLevel level, ReadOnlySpan<char> body)
{
    public LineLevel Level { get; } = level;

    public ReadOnlySpan<char> Body { get; } = body;
}
