namespace Keel.FixCi.Analysis;

/// <summary>One line of a log: its 1-based number and its text without CI framing.</summary>
public readonly record struct LogLine(int Number, string Text);
