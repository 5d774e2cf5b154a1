using Keel.FixCi.Analysis;

namespace Keel.FixCi.Tests.Analysis;

public sealed class LineFramingTests
{
    [Fact]
    public void Actions_timestamp_is_removed() =>
        Strip("2024-03-01T10:15:42.1234567Z npm ERR! code E404").ShouldBe("npm ERR! code E404");

    [Fact]
    public void Job_and_step_columns_of_a_downloaded_log_are_removed() =>
        Strip("build\tRun tests\t2024-03-01T10:15:42.1234567Z FAILED tests/test_a.py::test_b").ShouldBe("FAILED tests/test_a.py::test_b");

    [Fact]
    public void Ansi_colour_codes_are_removed() =>
        Strip("[\u001b[1;31mERROR\u001b[m] Failed to execute goal").ShouldBe("[ERROR] Failed to execute goal");

    [Fact]
    public void Error_command_is_recognised_and_removed()
    {
        var framing = new LineFraming();
        var line = framing.Strip("2024-03-01T10:15:42.1234567Z ##[error]Process completed with exit code 1.");
        line.Marker.ShouldBe(ActionsMarker.Error);
        line.Text.ToString().ShouldBe("Process completed with exit code 1.");
    }

    [Fact]
    public void Group_header_of_a_run_step_starts_a_step()
    {
        var framing = new LineFraming();
        var line = framing.Strip("2024-03-01T10:15:42.1234567Z ##[group]Run dotnet test");
        line.Marker.ShouldBe(ActionsMarker.Group);
        line.StartsStep.ShouldBeTrue();
    }

    [Fact]
    public void A_new_step_column_starts_a_step()
    {
        var framing = new LineFraming();
        framing.Strip("build\tSet up job\t2024-03-01T10:15:42.1234567Z Runner version").StartsStep.ShouldBeFalse();
        framing.Strip("build\tRun tests\t2024-03-01T10:15:43.1234567Z go test ./...").StartsStep.ShouldBeTrue();
        framing.Strip("build\tRun tests\t2024-03-01T10:15:44.1234567Z ok").StartsStep.ShouldBeFalse();
    }

    [Fact]
    public void Text_without_framing_is_left_alone() => Strip("plain output\twith a tab").ShouldBe("plain output\twith a tab");

    private static string Strip(string raw) => new LineFraming().Strip(raw).Text.ToString();
}
