namespace Keel.Gigzilla.QuickEntry;

/// <summary>The fields of a <see cref="ParsedQuickEntry"/> that are read from a span of the text.</summary>
public enum QuickEntryField
{
    Client,
    Amount,
    Deadline,
}
