namespace Keel.Gigzilla.QuickEntry;

/// <summary>A part of the quick-entry text that the parser read as <paramref name="Field"/>.</summary>
/// <param name="Field">What the text was read as.</param>
/// <param name="Start">Index of the first character in the original text.</param>
/// <param name="Length">Number of characters.</param>
public readonly record struct RecognizedSpan(QuickEntryField Field, int Start, int Length);
