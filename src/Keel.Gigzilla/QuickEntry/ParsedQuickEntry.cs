namespace Keel.Gigzilla.QuickEntry;

/// <summary>
/// What <see cref="QuickEntryParser"/> understood from one line of quick entry, such as
/// <c>Logo for Acme Corp, €1,500, 2 weeks</c>.
/// </summary>
/// <param name="Title">The project title: the words left once client, amount and deadline are removed; empty when nothing is left.</param>
/// <param name="Client">The client, with the stored spelling when a known client matched; <see langword="null"/> when none was named.</param>
/// <param name="Amount">The agreed amount, or <see langword="null"/> when the line names none.</param>
/// <param name="Currency">The ISO 4217 code of the amount; the default currency when the line names none.</param>
/// <param name="Deadline">The due date, or <see langword="null"/> when the line names none.</param>
public sealed record ParsedQuickEntry(string Title, string? Client, decimal? Amount, string Currency, DateOnly? Deadline)
{
    /// <summary>
    /// Where in the original text the client, amount and deadline were read, for highlighting in a UI.
    /// Connecting words such as "for" or "by" are not part of a span. Not part of record equality.
    /// </summary>
    public IReadOnlyList<RecognizedSpan> Spans { get; init; } = [];

    public bool Equals(ParsedQuickEntry? other) =>
        other is not null
        && Title == other.Title
        && Client == other.Client
        && Amount == other.Amount
        && Currency == other.Currency
        && Deadline == other.Deadline;

    public override int GetHashCode() => HashCode.Combine(Title, Client, Amount, Currency, Deadline);
}
