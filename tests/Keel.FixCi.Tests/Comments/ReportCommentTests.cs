using Keel.FixCi.Analysis;
using Keel.FixCi.Comments;
using Keel.FixCi.GitHub;

namespace Keel.FixCi.Tests.Comments;

public sealed class ReportCommentTests
{
    private static readonly WorkflowRunEvent Run = new(
        42, new RepositoryName("octo", "widgets"), "main", 9001, 2, 7, "CI", "acb5820ced9479c074f688cc328bf03f341a511d", "fix",
        "failure", "https://github.com/octo/widgets/actions/runs/9001", []);

    private static LogBlock Block(int start, string category, string summary, string? hint, params string[] lines) =>
        new(start, start + lines.Length - 1, category, summary, hint, 1, lines.Select((text, i) => new LogLine(start + i, text)).ToArray());

    private static JobAnalysis Job(string name, params LogBlock[] blocks) =>
        new(1, name, "https://github.com/octo/widgets/actions/runs/9001/job/1", new AnalysisResult(blocks, 500, false), null);

    [Fact]
    public void The_report_starts_with_the_marker_and_gives_each_jobs_cause_lines_and_fix()
    {
        var body = ReportComment.Render(Run,
        [
            Job("build (ubuntu-latest)", Block(120, Categories.Compilation, "error CS1002: ; expected", "Add the missing semicolon.",
                "src/App.cs(12,5): error CS1002: ; expected", "Build FAILED.")),
            Job("test", Block(88, Categories.TestFailure, "1 test failed", null, "FAIL ParserTests.Parses_dates")),
        ]);

        body.ShouldStartWith(ReportComment.Marker + "\n");
        ReportComment.IsOurs(body).ShouldBeTrue();
        ReportComment.IsQuotaReached(body).ShouldBeFalse();
        body.ShouldContain("2 jobs failed in CI");
        body.ShouldContain("(attempt 2)");
        body.ShouldContain("acb5820");
        body.ShouldContain("build (ubuntu-latest)");
        body.ShouldContain("**Compilation error:** error CS1002: ; expected");
        body.ShouldContain("**Suggested fix:** Add the missing semicolon.");
        body.ShouldContain("**Test failure:** 1 test failed");
        body.ShouldContain("<details><summary>Log lines 120–121</summary>");
        body.ShouldContain("120 | src/App.cs(12,5): error CS1002: ; expected");
        body.ShouldContain("121 | Build FAILED.");
        body.ShouldContain("<details><summary>Log line 88</summary>");
        body.Split("**Suggested fix:**").Length.ShouldBe(2);
    }

    [Fact]
    public void Lines_are_fenced_with_more_backticks_than_any_run_inside_them()
    {
        var body = ReportComment.Render(Run, [Job("lint", Block(5, Categories.Lint, "bad markdown", null, "use ``` to fence", "or ```` even"))]);

        body.ShouldContain("`````text\n5 | use ``` to fence\n6 | or ```` even\n`````\n");
    }

    [Fact]
    public void Summaries_cannot_inject_markdown_html_or_mentions()
    {
        var body = ReportComment.Render(Run, [Job("x", Block(1, Categories.Other, "<img src=x> **bold** [link](http://evil) @octocat", null, "line"))]);

        body.ShouldNotContain("**bold**");
        body.ShouldNotContain("[link](");
        body.ShouldNotContain("@octocat");
        body.ShouldContain("\\<img src=x\\>");
    }

    [Fact]
    public void Long_blocks_show_their_first_and_last_lines_and_say_lines_were_left_out()
    {
        var lines = Enumerable.Range(1, 100).Select(i => $"output {i}").ToArray();

        var body = ReportComment.Render(Run, [Job("build", Block(1, Categories.Other, "many lines", null, lines))]);

        body.ShouldContain("  1 | output 1\n");
        body.ShouldContain("100 | output 100\n");
        body.ShouldNotContain("| output 50\n");
        body.ShouldContain("    | …");
    }

    [Fact]
    public void A_job_without_a_log_or_without_findings_says_so()
    {
        var body = ReportComment.Render(Run,
        [
            new JobAnalysis(1, "gone", null, null, null),
            new JobAnalysis(2, "quiet", null, new AnalysisResult([], 10, false), null),
        ]);

        body.ShouldContain("GitHub did not provide this job's log");
        body.ShouldContain("Nothing in this job's log looks like the cause");
    }

    [Fact]
    public void A_huge_report_stays_within_GitHubs_comment_limit()
    {
        var line = new string('x', 1_000);
        var jobs = Enumerable.Range(1, 300)
            .Select(i => Job($"matrix {i}", Block(1, Categories.TestFailure, new string('s', 200), "hint", Enumerable.Repeat(line, 40).ToArray())))
            .ToArray();

        var body = ReportComment.Render(Run, jobs);

        body.Length.ShouldBeLessThanOrEqualTo(ReportComment.MaxLength);
        body.ShouldStartWith(ReportComment.Marker);
        body.ShouldContain("more failed jobs, left out");
    }

    [Fact]
    public void The_comparison_with_a_passing_run_is_mentioned()
    {
        var job = Job("build", Block(1, Categories.Other, "s", null, "l")) with { ComparedWith = "main" };

        ReportComment.Render(Run, [job]).ShouldContain("last successful run on main");
    }

    [Fact]
    public void The_quota_comment_is_ours_and_says_the_limit_is_reached()
    {
        var body = ReportComment.RenderQuotaReached(new Uri("https://keel.example/billing"));

        body.ShouldStartWith(ReportComment.Marker);
        ReportComment.IsQuotaReached(body).ShouldBeTrue();
        body.ShouldContain("analysis limit reached");
        body.ShouldContain("(https://keel.example/billing)");
        ReportComment.RenderQuotaReached(null).ShouldNotContain("Raise the limit");
    }
}
