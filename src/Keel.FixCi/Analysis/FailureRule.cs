namespace Keel.FixCi.Analysis;

/// <summary>Tests a line; <paramref name="lower"/> is the same line in lower case, for case-insensitive phrases.</summary>
internal delegate bool LineMatcher(ReadOnlySpan<char> text, ReadOnlySpan<char> lower);

/// <summary>
/// One recognisable line shape of a tool's failure output.
/// A null <see cref="Category"/> means the category is read from the line's content.
/// </summary>
internal sealed record FailureRule(
    string Id,
    LineKind Kind,
    int Score,
    string? Category,
    string Label,
    string? Hint,
    LineMatcher Matches);
