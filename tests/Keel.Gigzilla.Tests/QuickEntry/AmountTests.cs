using Keel.Gigzilla.QuickEntry;

namespace Keel.Gigzilla.Tests.QuickEntry;

public sealed class AmountTests
{
    private static readonly DateOnly Today = new(2026, 2, 1);

    private static ParsedQuickEntry Parse(string text, string defaultCurrency = "EUR") =>
        QuickEntryParser.Parse(text, Today, [], defaultCurrency);

    [Theory]
    [InlineData("Logo €1,500", 1500, "EUR")]
    [InlineData("Logo $1,250.50", 1250.50, "USD")]
    [InlineData("Logo £850", 850, "GBP")]
    [InlineData("Logo ¥80,000", 80000, "JPY")]
    [InlineData("Logo 1.500 €", 1500, "EUR")]
    [InlineData("Logo 1.234,56 €", 1234.56, "EUR")]
    [InlineData("Logo € 3 500", 3500, "EUR")]
    [InlineData("Logo 3 500 €", 3500, "EUR")]
    [InlineData("Logo 500€", 500, "EUR")]
    [InlineData("Logo 1’500 CHF", 1500, "CHF")]
    public void Currency_symbol_before_or_after_with_US_or_European_separators(string text, decimal amount, string currency)
    {
        var entry = Parse(text);

        entry.Amount.ShouldBe(amount);
        entry.Currency.ShouldBe(currency);
        entry.Title.ShouldBe("Logo");
    }

    [Theory]
    [InlineData("Logo EUR 500", "EUR")]
    [InlineData("Logo 500 USD", "USD")]
    [InlineData("Logo 500 usd", "USD")]
    [InlineData("Logo 500 euros", "EUR")]
    [InlineData("Logo 500 dollars", "USD")]
    [InlineData("Logo 500 pounds", "GBP")]
    [InlineData("Logo US$500", "USD")]
    public void Iso_code_or_currency_name_before_or_after_sets_the_currency(string text, string currency)
    {
        var entry = Parse(text);

        entry.Amount.ShouldBe(500m);
        entry.Currency.ShouldBe(currency);
        entry.Title.ShouldBe("Logo");
    }

    [Theory]
    [InlineData("Logo 1.5k", 1500, "EUR")]
    [InlineData("Logo $2k", 2000, "USD")]
    [InlineData("Logo 2,5k €", 2500, "EUR")]
    [InlineData("Logo 12K", 12000, "EUR")]
    public void K_suffix_multiplies_by_a_thousand(string text, decimal amount, string currency)
    {
        var entry = Parse(text);

        entry.Amount.ShouldBe(amount);
        entry.Currency.ShouldBe(currency);
    }

    [Fact]
    public void Amount_without_currency_takes_the_default_currency()
    {
        Parse("Logo for Acme, 800", defaultCurrency: "SEK").ShouldSatisfyAllConditions(
            e => e.Amount.ShouldBe(800m),
            e => e.Currency.ShouldBe("SEK"));
    }

    [Fact]
    public void Currency_is_the_default_when_there_is_no_amount()
    {
        Parse("Logo for Acme", defaultCurrency: "GBP").ShouldSatisfyAllConditions(
            e => e.Amount.ShouldBeNull(),
            e => e.Currency.ShouldBe("GBP"));
    }

    [Theory]
    [InlineData("Blog posts x4 for Acme, €400", "Blog posts x4")]
    [InlineData("Retouching 40 photos for Acme, €400", "Retouching 40 photos")]
    [InlineData("Podcast episode 12 for Acme, €400", "Podcast episode 12")]
    [InlineData("Translate 5,000 words for Acme, €400", "Translate 5,000 words")]
    [InlineData("4K video edit for Acme, €400", "4K video edit")]
    public void Numbers_that_count_or_label_stay_in_the_title(string text, string title)
    {
        var entry = Parse(text);

        entry.Amount.ShouldBe(400m);
        entry.Title.ShouldBe(title);
    }

    [Fact]
    public void A_counted_number_alone_is_not_an_amount()
    {
        Parse("Retouching 40 photos for Acme").Amount.ShouldBeNull();
    }

    [Theory]
    [InlineData("Logo for Acme, budget 900")]
    [InlineData("Logo for Acme, budget: 900")]
    [InlineData("Logo for Acme @ 900")]
    [InlineData("Logo for Acme, 900 flat")]
    public void Money_words_around_a_bare_number_are_dropped_from_the_title(string text)
    {
        var entry = Parse(text);

        entry.Amount.ShouldBe(900m);
        entry.Title.ShouldBe("Logo");
        entry.Client.ShouldBe("Acme");
    }

    [Fact]
    public void A_number_with_a_currency_wins_over_a_bare_number()
    {
        Parse("Poster 2000 prints, 300 €").Amount.ShouldBe(300m);
    }

    [Fact]
    public void A_year_in_the_title_loses_to_another_bare_number()
    {
        Parse("Calendar 2027 for Greenleaf, 400").ShouldSatisfyAllConditions(
            e => e.Amount.ShouldBe(400m),
            e => e.Title.ShouldBe("Calendar 2027"));
    }

    [Theory]
    [InlineData("Podcast editing, $75 per episode", 75)]
    [InlineData("Retainer, 1.200€/month", 1200)]
    [InlineData("Translation, 0.08/word", 0.08)]
    [InlineData("Logo, €1,500 + VAT", 1500)]
    public void Rate_and_tax_qualifiers_after_the_amount_leave_the_title(string text, decimal amount)
    {
        var entry = Parse(text);

        entry.Amount.ShouldBe(amount);
        entry.Title.ShouldBe(text[..text.IndexOf(',')]);
    }
}
