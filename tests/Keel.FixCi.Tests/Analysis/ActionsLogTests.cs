using Keel.FixCi.Analysis;

namespace Keel.FixCi.Tests.Analysis;

public sealed class ActionsLogTests
{
    [Fact]
    public void Generic_exit_code_error_is_not_taken_for_the_cause()
    {
        var log = LogText.Of(
            "2024-03-01T10:15:40.0000000Z ##[group]Run npm test",
            "2024-03-01T10:15:40.1000000Z npm test",
            "2024-03-01T10:15:40.2000000Z ##[endgroup]",
            "2024-03-01T10:15:41.0000000Z FAIL src/cart.test.js",
            "2024-03-01T10:15:41.1000000Z   ● Cart › adds tax",
            "2024-03-01T10:15:41.2000000Z     expect(received).toBe(expected)",
            "2024-03-01T10:15:41.3000000Z ",
            "2024-03-01T10:15:41.4000000Z Tests:       1 failed, 9 passed, 10 total",
            "2024-03-01T10:15:42.0000000Z ##[error]Process completed with exit code 1.");

        var result = LogAnalyzer.Analyze(log);

        result.Blocks[0].Category.ShouldBe(Categories.TestFailure);
        result.Blocks[0].Start.ShouldBe(LogText.LineOf(log, "FAIL src/cart.test.js"));
        result.Blocks[0].End.ShouldBe(LogText.LineOf(log, "expect(received)"));
        result.Blocks.ShouldAllBe(b => b.End < LogText.LineOf(log, "Process completed"));
    }

    [Fact]
    public void Without_any_error_signature_the_last_output_of_the_failing_step_is_reported()
    {
        var log = LogText.Of(
            "2024-03-01T10:15:40.0000000Z ##[group]Run ./check.sh",
            "2024-03-01T10:15:40.1000000Z ./check.sh",
            "2024-03-01T10:15:40.2000000Z ##[endgroup]",
            "2024-03-01T10:15:41.0000000Z checking 3 files",
            "2024-03-01T10:15:41.1000000Z README.md differs from template",
            "2024-03-01T10:15:42.0000000Z ##[error]Process completed with exit code 3.",
            "2024-03-01T10:15:43.0000000Z Post job cleanup.");

        var result = LogAnalyzer.Analyze(log);

        result.Blocks.Count.ShouldBe(1);
        result.Blocks[0].Category.ShouldBe(Categories.Other);
        result.Blocks[0].End.ShouldBe(LogText.LineOf(log, "README.md differs"));
        result.Blocks[0].Lines.ShouldContain(l => l.Text == "README.md differs from template");
    }

    [Fact]
    public void Specific_error_commands_are_evidence()
    {
        var log = LogText.Of(
            "2024-03-01T10:15:40.0000000Z ##[group]Run actions/upload-artifact@v4",
            "2024-03-01T10:15:40.2000000Z ##[endgroup]",
            "2024-03-01T10:15:41.0000000Z ##[error]Input required and not supplied: path");

        var block = LogAnalyzer.Analyze(log).Blocks[0];

        block.Start.ShouldBe(3);
        block.Summary.ShouldContain("Input required and not supplied");
    }

    [Fact]
    public void Blocks_in_the_step_that_failed_outrank_errors_in_steps_that_passed()
    {
        var log = LogText.Of(
            "2024-03-01T10:15:40.0000000Z ##[group]Run ./setup.sh",
            "2024-03-01T10:15:40.2000000Z ##[endgroup]",
            "2024-03-01T10:15:41.0000000Z Traceback (most recent call last):",
            "2024-03-01T10:15:41.0000000Z   File \"setup.py\", line 3, in <module>",
            "2024-03-01T10:15:41.0000000Z ValueError: optional cache missing",
            "2024-03-01T10:15:42.0000000Z ##[group]Run make test",
            "2024-03-01T10:15:42.2000000Z ##[endgroup]",
            "2024-03-01T10:15:43.0000000Z Traceback (most recent call last):",
            "2024-03-01T10:15:43.0000000Z   File \"test_app.py\", line 9, in <module>",
            "2024-03-01T10:15:43.0000000Z KeyError: 'user'",
            "2024-03-01T10:15:44.0000000Z ##[error]Process completed with exit code 2.");

        var result = LogAnalyzer.Analyze(log);

        result.Blocks[0].Start.ShouldBe(8);
        result.Blocks[0].End.ShouldBe(10);
    }
}
