using System.Text.Json;
using Keel.FixCi.Analysis;

namespace Keel.FixCi.Tests.Analysis;

public sealed class AnalyzeCommandTests : IDisposable
{
    private readonly string _directory = Directory.CreateTempSubdirectory("fixci-cli-").FullName;

    public void Dispose() => Directory.Delete(_directory, recursive: true);

    [Fact]
    public async Task Json_output_is_one_object_with_the_blocks_best_first()
    {
        var fail = Write("fail.log", LogText.Of(
            "Compiling...",
            "src/a.c:3:1: error: expected ';' before '}' token",
            "make: *** [all] Error 1",
            "Tests done",
            "Finished: FAILURE"));

        var (code, stdout, stderr) = await RunAsync("--fail", fail, "--json");

        code.ShouldBe(0);
        stderr.ShouldBeEmpty();
        using var json = JsonDocument.Parse(stdout);
        json.RootElement.EnumerateObject().Select(p => p.Name).ShouldBe(["blocks"]);
        var block = json.RootElement.GetProperty("blocks")[0];
        block.EnumerateObject().Select(p => p.Name).ShouldBe(["start", "end", "category", "summary", "hint"]);
        block.GetProperty("start").GetInt32().ShouldBe(2);
        block.GetProperty("end").GetInt32().ShouldBe(3);
        block.GetProperty("category").GetString().ShouldBe("compilation");
        block.GetProperty("summary").GetString().ShouldNotBeNullOrWhiteSpace();
        block.GetProperty("hint").ValueKind.ShouldBe(JsonValueKind.String);
    }

    [Fact]
    public async Task Json_hint_is_null_when_no_rule_knows_one()
    {
        var fail = Write("fail.log", LogText.Of("step 1", "Something unexpected happened here", "##[error]Process completed with exit code 1."));

        var (code, stdout, _) = await RunAsync("--json", "--fail", fail);

        code.ShouldBe(0);
        using var json = JsonDocument.Parse(stdout);
        json.RootElement.GetProperty("blocks")[0].GetProperty("hint").ValueKind.ShouldBe(JsonValueKind.Null);
    }

    [Fact]
    public async Task Pass_log_is_used_when_given()
    {
        var pass = Write("pass.log", LogText.Of("warning: error budget low", "ok"));
        var fail = Write("fail.log", LogText.Of("warning: error budget low", "FAILED tests/test_a.py::test_b - assert 1 == 2"));

        var (code, stdout, _) = await RunAsync("--fail", fail, "--pass", pass, "--json");

        code.ShouldBe(0);
        using var json = JsonDocument.Parse(stdout);
        json.RootElement.GetProperty("blocks")[0].GetProperty("start").GetInt32().ShouldBe(2);
    }

    [Fact]
    public async Task Text_report_shows_each_block_with_numbered_lines()
    {
        var fail = Write("fail.log", LogText.Of("fetching", "fatal: unable to access 'https://example.com/x.git/': Could not resolve host: example.com"));

        var (code, stdout, _) = await RunAsync("--fail", fail);

        code.ShouldBe(0);
        stdout.ShouldContain("1. [network]");
        stdout.ShouldContain("Hint:");
        stdout.ShouldContain("2 | fatal: unable to access");
    }

    [Fact]
    public async Task Help_prints_usage_and_succeeds()
    {
        var (code, stdout, stderr) = await RunAsync("--help");

        code.ShouldBe(0);
        stdout.ShouldContain("Usage: fixci analyze --fail FILE");
        stderr.ShouldBeEmpty();
    }

    [Theory]
    [InlineData(new string[0], "--fail FILE is required")]
    [InlineData(new[] { "--json" }, "--fail FILE is required")]
    [InlineData(new[] { "--fail" }, "--fail needs a file path")]
    [InlineData(new[] { "--verbose" }, "unknown argument '--verbose'")]
    public async Task Bad_arguments_fail_with_one_line_on_stderr(string[] args, string message)
    {
        var (code, stdout, stderr) = await RunAsync(args);

        code.ShouldNotBe(0);
        stdout.ShouldBeEmpty();
        stderr.ShouldContain(message);
        stderr.TrimEnd().Split('\n').Length.ShouldBe(1);
    }

    [Fact]
    public async Task Missing_file_fails_with_one_line_on_stderr()
    {
        var (code, _, stderr) = await RunAsync("--fail", Path.Combine(_directory, "nope.log"));

        code.ShouldNotBe(0);
        stderr.ShouldContain("nope.log");
        stderr.TrimEnd().Split('\n').Length.ShouldBe(1);
    }

    private string Write(string name, string content)
    {
        var path = Path.Combine(_directory, name);
        File.WriteAllText(path, content);
        return path;
    }

    private static async Task<(int Code, string Stdout, string Stderr)> RunAsync(params string[] args)
    {
        var stdout = new StringWriter();
        var stderr = new StringWriter();
        var code = await AnalyzeCommand.RunAsync(args, stdout, stderr);
        return (code, stdout.ToString(), stderr.ToString());
    }
}
