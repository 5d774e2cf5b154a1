using Keel.Gigzilla.QuickEntry;

namespace Keel.Gigzilla.Tests.QuickEntry;

public sealed class CorpusTests
{
    private static readonly IReadOnlyList<CorpusLine> Corpus = CorpusLine.Load();

    public static TheoryData<int, string> Lines()
    {
        var data = new TheoryData<int, string>();
        foreach (var line in Corpus)
        {
            data.Add(line.Number, line.Text);
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Lines))]
    public void Corpus_line_parses_as_expected(int lineNumber, string text)
    {
        var line = Corpus.Single(l => l.Number == lineNumber);

        var parsed = QuickEntryParser.Parse(text, line.Today, line.KnownClients);

        parsed.ShouldBe(line.Expected, $"corpus.tsv line {lineNumber}: got {parsed}");
    }

    [Fact]
    public void Corpus_has_several_hundred_lines()
    {
        Corpus.Count.ShouldBeGreaterThanOrEqualTo(300);
    }
}
