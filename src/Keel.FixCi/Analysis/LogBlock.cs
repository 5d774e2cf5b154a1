namespace Keel.FixCi.Analysis;

/// <summary>A run of lines of the failed log that explains (part of) the failure.</summary>
/// <param name="Start">First line, 1-based and inclusive.</param>
/// <param name="End">Last line, 1-based and inclusive.</param>
/// <param name="Category">
/// One of "compilation", "test-failure", "dependency-resolution", "lint", "timeout", "out-of-memory",
/// "network" (network or infrastructure, such as a full disk), "permission", "configuration", "other".
/// </param>
/// <param name="Summary">One line saying what went wrong.</param>
/// <param name="Hint">How such a failure is usually fixed, when a rule knows it.</param>
/// <param name="Score">Relevance used for ranking; only meaningful relative to other blocks of the same result.</param>
/// <param name="Lines">
/// The block's lines with framing (timestamps, colour codes) removed. Very long blocks keep only their
/// first and last lines, so <see cref="Lines"/> may hold fewer lines than <see cref="End"/> − <see cref="Start"/> + 1.
/// </param>
public sealed record LogBlock(
    int Start,
    int End,
    string Category,
    string Summary,
    string? Hint,
    double Score,
    IReadOnlyList<LogLine> Lines)
{
    public int LineCount => End - Start + 1;
}
