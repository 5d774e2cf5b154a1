using System.Globalization;
using Keel.Gigzilla.QuickEntry;

namespace Keel.Gigzilla.Tests.QuickEntry;

/// <summary>
/// One line of corpus.tsv: text, today, known clients (separated by '|'), then the expected title, client,
/// amount, currency and deadline. An empty cell means none.
/// </summary>
internal sealed record CorpusLine(int Number, string Text, DateOnly Today, string[] KnownClients, ParsedQuickEntry Expected)
{
    public static IReadOnlyList<CorpusLine> Load()
    {
        var path = Path.Combine(AppContext.BaseDirectory, "QuickEntry", "corpus.tsv");
        var lines = File.ReadAllLines(path);
        var corpus = new List<CorpusLine>(lines.Length);
        for (var i = 0; i < lines.Length; i++)
        {
            if (lines[i].Length == 0 || lines[i].StartsWith('#'))
            {
                continue;
            }

            var cells = lines[i].Split('\t');
            if (cells.Length != 8)
            {
                throw new InvalidDataException($"corpus.tsv line {i + 1} has {cells.Length} cells instead of 8.");
            }

            var expected = new ParsedQuickEntry(
                cells[3],
                NullIfEmpty(cells[4]),
                NullIfEmpty(cells[5]) is { } amount ? decimal.Parse(amount, CultureInfo.InvariantCulture) : null,
                cells[6],
                NullIfEmpty(cells[7]) is { } deadline ? DateOnly.ParseExact(deadline, "yyyy-MM-dd", CultureInfo.InvariantCulture) : null);
            corpus.Add(new CorpusLine(
                i + 1,
                cells[0],
                DateOnly.ParseExact(cells[1], "yyyy-MM-dd", CultureInfo.InvariantCulture),
                cells[2].Length == 0 ? [] : cells[2].Split('|'),
                expected));
        }

        return corpus;
    }

    private static string? NullIfEmpty(string cell) => cell.Length == 0 ? null : cell;
}
