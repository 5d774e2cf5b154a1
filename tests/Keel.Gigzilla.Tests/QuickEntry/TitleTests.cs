using Keel.Gigzilla.QuickEntry;

namespace Keel.Gigzilla.Tests.QuickEntry;

public sealed class TitleTests
{
    private static readonly DateOnly Today = new(2026, 2, 1);

    private static string Title(string text, params string[] knownClients) =>
        QuickEntryParser.Parse(text, Today, knownClients).Title;

    [Fact]
    public void The_issue_example_parses_into_all_five_fields()
    {
        QuickEntryParser.Parse("Logo for Acme Corp, €1,500, 2 weeks", Today, []).ShouldBe(
            new ParsedQuickEntry("Logo", "Acme Corp", 1500m, "EUR", new DateOnly(2026, 2, 15)));
    }

    [Theory]
    [InlineData("Logo  for   Acme Corp ,  €1,500 ,  2 weeks !!")]
    [InlineData("Logo for Acme Corp — budget €1,500 — deadline Feb 15")]
    [InlineData("Logo for Acme Corp. €1,500. 2 weeks.")]
    [InlineData("2 weeks, €1,500: Logo for Acme Corp")]
    [InlineData("Logo for Acme Corp, 1500, due: 15.02.")]
    public void Connectors_and_punctuation_around_removed_parts_leave_the_title(string text)
    {
        Title(text).ShouldBe("Logo");
    }

    [Fact]
    public void Punctuation_inside_the_title_is_kept()
    {
        Title("Logo, business cards and letterhead for Kettle & Co, €1,200").ShouldBe("Logo, business cards and letterhead");
    }

    [Fact]
    public void Brackets_stay_when_both_remain_and_go_when_emptied()
    {
        Title("Website (5 pages) for Acme, 3.500 €").ShouldBe("Website (5 pages)");
        Title("Event photos (Acme) 3k EUR", "Acme").ShouldBe("Event photos");
    }

    [Fact]
    public void A_connector_followed_by_title_words_stays()
    {
        Title("Landing page for Acme in English and German, 900").ShouldBe("Landing page in English and German");
    }

    [Fact]
    public void Casing_is_kept_as_typed()
    {
        Title("seo AUDIT for acme, 500").ShouldBe("seo AUDIT");
    }

    [Fact]
    public void Title_is_empty_when_nothing_remains()
    {
        Title("Acme €500 tomorrow", "Acme").ShouldBeEmpty();
    }

    [Fact]
    public void Spans_point_at_the_recognized_text()
    {
        const string text = "Logo for Acme Corp, €1,500, 2 weeks";
        var spans = QuickEntryParser.Parse(text, Today, []).Spans;

        spans.Select(s => (s.Field, text.Substring(s.Start, s.Length))).ShouldBe(
        [
            (QuickEntryField.Client, "Acme Corp"),
            (QuickEntryField.Amount, "€1,500"),
            (QuickEntryField.Deadline, "2 weeks"),
        ]);
    }

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData("—,,!!")]
    [InlineData("€")]
    [InlineData("for by due")]
    [InlineData("1/2/3/4/5 99999999999999999999999 31/31 29/02 0/0")]
    public void Odd_input_never_throws(string text)
    {
        Should.NotThrow(() => QuickEntryParser.Parse(text, Today, ["", " "]));
    }
}
