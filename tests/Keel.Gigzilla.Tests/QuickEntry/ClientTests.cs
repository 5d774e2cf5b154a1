using Keel.Gigzilla.QuickEntry;

namespace Keel.Gigzilla.Tests.QuickEntry;

public sealed class ClientTests
{
    private static readonly DateOnly Today = new(2026, 2, 1);

    private static ParsedQuickEntry Parse(string text, params string[] knownClients) =>
        QuickEntryParser.Parse(text, Today, knownClients);

    [Fact]
    public void Client_after_for_runs_up_to_the_amount()
    {
        Parse("Logo for Acme Corp €1,500 2 weeks").Client.ShouldBe("Acme Corp");
    }

    [Fact]
    public void Client_after_for_runs_up_to_the_date()
    {
        Parse("Logo for Acme Corp by Friday").Client.ShouldBe("Acme Corp");
    }

    [Fact]
    public void Known_client_is_found_anywhere_and_reported_with_its_stored_spelling()
    {
        Parse("acme corp landing page 2k", "ACME Corp").ShouldSatisfyAllConditions(
            e => e.Client.ShouldBe("ACME Corp"),
            e => e.Title.ShouldBe("landing page"));
    }

    [Fact]
    public void Longest_known_client_wins()
    {
        Parse("Reels for Vela Yoga, $450", "Vela", "Vela Yoga").Client.ShouldBe("Vela Yoga");
    }

    [Fact]
    public void Known_client_matching_ignores_extra_spaces()
    {
        Parse("Logo for  acme   corp, 500", "Acme Corp").Client.ShouldBe("Acme Corp");
    }

    [Fact]
    public void Legal_form_typed_after_a_known_client_is_dropped_with_it()
    {
        Parse("logo for acme corp 1500 eur 2 weeks", "Acme").ShouldSatisfyAllConditions(
            e => e.Client.ShouldBe("Acme"),
            e => e.Title.ShouldBe("logo"));
    }

    [Fact]
    public void Known_client_does_not_match_inside_a_longer_word()
    {
        Parse("Acmeville poster, 500", "Acme").Client.ShouldBeNull();
    }

    [Fact]
    public void Possessive_of_a_known_client_is_dropped()
    {
        Parse("Acme's annual report, 500", "Acme").ShouldSatisfyAllConditions(
            e => e.Client.ShouldBe("Acme"),
            e => e.Title.ShouldBe("annual report"));
    }

    [Theory]
    [InlineData("Design for print, 300")]
    [InlineData("Photos for website, €200")]
    [InlineData("Landing page for a local bakery, 500")]
    [InlineData("Subtitles for 3 videos, 240")]
    public void For_followed_by_a_description_is_not_a_client(string text)
    {
        var entry = Parse(text);

        entry.Client.ShouldBeNull();
        entry.Title.ShouldStartWith(text[..text.IndexOf(',')]);
    }

    [Fact]
    public void In_a_capitalised_line_the_client_stops_at_a_lower_case_word()
    {
        Parse("Explainer for Helix Bio website relaunch, €900").Client.ShouldBe("Helix Bio");
    }

    [Fact]
    public void In_an_all_lower_case_line_any_phrase_after_for_is_the_client()
    {
        Parse("logo for acme corp, 500").Client.ShouldBe("acme corp");
    }

    [Theory]
    [InlineData("Wedding photos for Anna & Ben, £1,200", "Anna & Ben")]
    [InlineData("Proofreading for Dr. Weber, 320 €", "Dr. Weber")]
    [InlineData("Report for Bank of Lisbon, 900", "Bank of Lisbon")]
    [InlineData("Ad for Coca-Cola, 900", "Coca-Cola")]
    [InlineData("Logo for J.P. Morgan, 1500", "J.P. Morgan")]
    public void Client_names_may_hold_ampersands_honorifics_and_particles(string text, string client)
    {
        Parse(text).Client.ShouldBe(client);
    }

    [Fact]
    public void Without_for_or_a_known_client_there_is_no_client()
    {
        Parse("Logo — Acme Corp — €1,500").Client.ShouldBeNull();
    }
}
