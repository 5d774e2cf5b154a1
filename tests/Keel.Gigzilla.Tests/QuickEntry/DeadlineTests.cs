using Keel.Gigzilla.QuickEntry;

namespace Keel.Gigzilla.Tests.QuickEntry;

public sealed class DeadlineTests
{
    // A Sunday.
    private static readonly DateOnly Sunday = new(2026, 2, 1);

    private static DateOnly? Deadline(string text, DateOnly? today = null) =>
        QuickEntryParser.Parse(text, today ?? Sunday, []).Deadline;

    [Theory]
    [InlineData("Logo 2 weeks", 14)]
    [InlineData("Logo in 10 days", 10)]
    [InlineData("Logo within 5 days", 5)]
    [InlineData("Logo in a week", 7)]
    [InlineData("Logo in two weeks", 14)]
    [InlineData("Logo 3wks", 21)]
    [InlineData("Logo 10d", 10)]
    [InlineData("Logo in a fortnight", 14)]
    [InlineData("Logo tomorrow", 1)]
    [InlineData("Logo today", 0)]
    [InlineData("Logo day after tomorrow", 2)]
    public void Durations_count_from_today(string text, int days)
    {
        Deadline(text).ShouldBe(Sunday.AddDays(days));
    }

    [Fact]
    public void Next_week_is_seven_days_from_today()
    {
        Deadline("Logo next week").ShouldBe(new DateOnly(2026, 2, 8));
    }

    [Fact]
    public void Next_month_is_the_same_day_next_month_clamped_to_its_end()
    {
        Deadline("Logo next month").ShouldBe(new DateOnly(2026, 3, 1));
        Deadline("Logo next month", new DateOnly(2026, 1, 31)).ShouldBe(new DateOnly(2026, 2, 28));
        Deadline("Logo in 1 month", new DateOnly(2026, 1, 31)).ShouldBe(new DateOnly(2026, 2, 28));
    }

    [Theory]
    [InlineData("Logo Friday")]
    [InlineData("Logo this Friday")]
    [InlineData("Logo by Friday")]
    [InlineData("Logo next Friday")]
    [InlineData("Logo coming friday")]
    [InlineData("Logo by Fri")]
    public void Weekday_name_means_the_next_one_strictly_after_today(string text)
    {
        Deadline(text).ShouldBe(new DateOnly(2026, 2, 6));
        Deadline(text, new DateOnly(2026, 2, 6)).ShouldBe(new DateOnly(2026, 2, 13));
    }

    [Fact]
    public void Next_Monday_on_a_Sunday_is_the_following_day()
    {
        Deadline("Logo next Monday").ShouldBe(new DateOnly(2026, 2, 2));
    }

    [Fact]
    public void Weekday_next_week_is_that_day_in_the_following_calendar_week()
    {
        Deadline("Logo Friday next week", new DateOnly(2026, 11, 23)).ShouldBe(new DateOnly(2026, 12, 4));
    }

    [Fact]
    public void Weekday_abbreviations_count_only_after_a_cue()
    {
        Deadline("Logo for Sun Studio").ShouldBeNull();
        Deadline("Logo by Sun").ShouldBe(new DateOnly(2026, 2, 8));
    }

    [Fact]
    public void Weekday_abbreviation_standing_alone_between_commas_is_a_date()
    {
        Deadline("Strategy session, 2h, €300, Tue").ShouldBe(new DateOnly(2026, 2, 3));
    }

    [Fact]
    public void Weekday_abbreviation_ending_the_line_after_the_amount_is_a_date()
    {
        Deadline("Photo edit for Acme 350 eur fri").ShouldBe(new DateOnly(2026, 2, 6));
    }

    [Fact]
    public void End_of_a_quarter_is_the_last_day_of_its_final_month()
    {
        Deadline("Website, end of Q1").ShouldBe(new DateOnly(2026, 3, 31));
        Deadline("Website, end of Q1", new DateOnly(2026, 4, 2)).ShouldBe(new DateOnly(2027, 3, 31));
    }

    [Fact]
    public void End_of_month_is_the_last_day_of_the_current_month()
    {
        Deadline("Logo end of month").ShouldBe(new DateOnly(2026, 2, 28));
        Deadline("Logo by the end of the month", new DateOnly(2026, 1, 31)).ShouldBe(new DateOnly(2026, 1, 31));
    }

    [Fact]
    public void End_of_a_named_month_moves_to_next_year_once_passed()
    {
        Deadline("Logo end of February").ShouldBe(new DateOnly(2026, 2, 28));
        Deadline("Logo end of February", new DateOnly(2026, 3, 30)).ShouldBe(new DateOnly(2027, 2, 28));
    }

    [Fact]
    public void End_of_week_is_Friday_and_end_of_next_week_a_week_later()
    {
        var monday = new DateOnly(2026, 3, 30);
        Deadline("Logo end of week", monday).ShouldBe(new DateOnly(2026, 4, 3));
        Deadline("Logo end of next week", monday).ShouldBe(new DateOnly(2026, 4, 10));
        Deadline("Logo by end of the week").ShouldBe(new DateOnly(2026, 2, 6));
    }

    [Theory]
    [InlineData("Logo Feb 15", 2026, 2, 15)]
    [InlineData("Logo 15 Feb", 2026, 2, 15)]
    [InlineData("Logo February 3rd", 2026, 2, 3)]
    [InlineData("Logo Feb. 15th", 2026, 2, 15)]
    [InlineData("Logo 3rd of March", 2026, 3, 3)]
    [InlineData("Logo 20 January", 2027, 1, 20)]
    [InlineData("Logo 2026-03-31", 2026, 3, 31)]
    [InlineData("Logo 15.03.2026", 2026, 3, 15)]
    [InlineData("Logo 15/03/2026", 2026, 3, 15)]
    [InlineData("Logo 15/02", 2026, 2, 15)]
    [InlineData("Logo 28/02", 2026, 2, 28)]
    [InlineData("Logo due 20.02.", 2026, 2, 20)]
    [InlineData("Logo February 6, 2027", 2027, 2, 6)]
    [InlineData("Logo mid March", 2026, 3, 15)]
    [InlineData("Logo by the 20th", 2026, 2, 20)]
    public void Absolute_dates_read_day_first_and_roll_to_next_year_once_passed(string text, int year, int month, int day)
    {
        Deadline(text).ShouldBe(new DateOnly(year, month, day));
    }

    [Fact]
    public void A_date_equal_to_today_has_not_passed()
    {
        Deadline("Logo 12 June", new DateOnly(2026, 6, 12)).ShouldBe(new DateOnly(2026, 6, 12));
    }

    [Fact]
    public void Slash_date_that_is_impossible_day_first_is_read_month_first()
    {
        Deadline("Logo 2/15").ShouldBe(new DateOnly(2026, 2, 15));
    }

    [Fact]
    public void Business_days_skip_weekends()
    {
        Deadline("Logo 5 business days", new DateOnly(2026, 3, 30)).ShouldBe(new DateOnly(2026, 4, 6));
    }

    [Fact]
    public void A_date_after_a_deadline_cue_wins_over_an_earlier_date()
    {
        Deadline("Shoot on Monday, edit due Friday").ShouldBe(new DateOnly(2026, 2, 6));
    }

    [Fact]
    public void A_date_standing_alone_wins_over_one_inside_the_wording()
    {
        var entry = QuickEntryParser.Parse("Support 24/7 for Acme, 300, Friday", Sunday, []);

        entry.Deadline.ShouldBe(new DateOnly(2026, 2, 6));
        entry.Title.ShouldBe("Support 24/7");
    }

    [Theory]
    [InlineData("3 day workshop for Acme")]
    [InlineData("2 weeks of consulting")]
    [InlineData("3D animation for Acme")]
    public void Durations_that_describe_the_work_are_not_deadlines(string text)
    {
        Deadline(text).ShouldBeNull();
    }

    [Fact]
    public void Dotted_day_and_month_next_to_a_currency_is_an_amount()
    {
        var entry = QuickEntryParser.Parse("Logo 15.50 €", Sunday, []);

        entry.Deadline.ShouldBeNull();
        entry.Amount.ShouldBe(15.50m);
    }
}
