using System.Text.Json;

namespace Keel.Gigzilla.Tests.App;

public sealed class ParseCommandTests
{
    private static (int ExitCode, string Out, string Error) Run(params string[] args)
    {
        using var workspace = new TestWorkspace();
        return workspace.Run(args);
    }

    [Fact]
    public void Json_output_is_exactly_one_object_with_the_five_fields()
    {
        var (exitCode, output, error) = Run("parse", "--today", "2026-02-01", "--json", "Logo for Acme Corp, €1,500, 2 weeks");

        exitCode.ShouldBe(0);
        error.ShouldBeEmpty();
        output.TrimEnd().ShouldBe("""{"title":"Logo","client":"Acme Corp","amount":1500,"currency":"EUR","deadline":"2026-02-15"}""");
        using var json = JsonDocument.Parse(output);
        json.RootElement.EnumerateObject().Select(p => p.Name).ShouldBe(["title", "client", "amount", "currency", "deadline"]);
    }

    [Fact]
    public void Json_uses_null_for_missing_client_amount_and_deadline()
    {
        var (_, output, _) = Run("parse", "--json", "Logo");

        output.TrimEnd().ShouldBe("""{"title":"Logo","client":null,"amount":null,"currency":"EUR","deadline":null}""");
    }

    [Fact]
    public void Known_client_options_are_matched_with_their_spelling()
    {
        var (_, output, _) = Run("parse", "--json", "--known-client", "ACME Corp", "--known-client=Beta", "acme corp logo 500 EUR");

        JsonDocument.Parse(output).RootElement.GetProperty("client").GetString().ShouldBe("ACME Corp");
    }

    [Fact]
    public void Without_known_client_options_the_stored_clients_are_used()
    {
        using var workspace = new TestWorkspace();
        using (var store = workspace.OpenStore())
        {
            workspace.AddProject(store, "Lookbook for Nordic Wool, 900");
        }

        var (_, output, _) = workspace.Run("parse", "--json", "nordic wool lookbook 900");

        JsonDocument.Parse(output).RootElement.GetProperty("client").GetString().ShouldBe("Nordic Wool");
    }

    [Fact]
    public void Parse_saves_nothing_and_creates_no_store()
    {
        using var workspace = new TestWorkspace();

        workspace.Run("parse", "Logo for Acme Corp, 500").ExitCode.ShouldBe(0);

        Directory.Exists(workspace.Directory).ShouldBeFalse();
    }

    [Fact]
    public void Without_today_option_relative_dates_use_the_clock()
    {
        var (_, output, _) = Run("parse", "--json", "Logo tomorrow");

        JsonDocument.Parse(output).RootElement.GetProperty("deadline").GetString().ShouldBe("2026-02-02");
    }

    [Fact]
    public void Several_words_are_joined_into_one_text()
    {
        var (_, output, _) = Run("parse", "--json", "Logo", "for", "Acme", "500");

        JsonDocument.Parse(output).RootElement.GetProperty("client").GetString().ShouldBe("Acme");
    }

    [Fact]
    public void Plain_output_shows_the_summary_line()
    {
        var (exitCode, output, _) = Run("parse", "--today", "2026-02-01", "Logo for Acme Corp, €1,500, 2 weeks");

        exitCode.ShouldBe(0);
        output.ShouldContain("Logo for Acme Corp · €1,500 · Due Feb 15");
    }

    [Theory]
    [InlineData("parse", "--today", "2026-13-01", "Logo")]
    [InlineData("parse", "--today", "tomorrow", "Logo")]
    [InlineData("parse", "Logo", "--today")]
    [InlineData("parse", "--verbose", "Logo")]
    [InlineData("parse", "--json")]
    [InlineData("frobnicate")]
    public void Errors_are_one_line_on_stderr_with_a_non_zero_exit(params string[] args)
    {
        var (exitCode, output, error) = Run(args);

        exitCode.ShouldNotBe(0);
        output.ShouldBeEmpty();
        error.TrimEnd().Split('\n').Length.ShouldBe(1);
        error.ShouldStartWith("gigzilla: ");
    }

    [Fact]
    public void Help_lists_the_options()
    {
        var (exitCode, output, _) = Run("parse", "--help");

        exitCode.ShouldBe(0);
        output.ShouldContain("--known-client NAME");
        output.ShouldContain("--today YYYY-MM-DD");
        output.ShouldContain("--json");
    }
}
