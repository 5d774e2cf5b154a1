namespace Keel.FixCi.Analysis;

/// <summary>
/// The verdict on one line: its role, and for evidence lines the rule, score and category. For continuation
/// lines a score of 1 marks lines that may follow a blank line, such as stack frames.
/// </summary>
internal readonly record struct LineClass(LineKind Kind, int Score = 0, FailureRule? Rule = null, string? Category = null)
{
    public static LineClass Neutral { get; } = new(LineKind.Neutral);

    public static LineClass Break { get; } = new(LineKind.Break);

    public static LineClass Continuation { get; } = new(LineKind.Continuation);

    /// <summary>A continuation that may follow a blank line, such as a stack frame.</summary>
    public static LineClass StrongContinuation { get; } = new(LineKind.Continuation, Score: 1);
}
