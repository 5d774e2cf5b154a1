using System.Net;
using System.Text;
using Keel.FixCi.Analysis;
using Keel.FixCi.Comments;
using Keel.FixCi.GitHub;
using Keel.FixCi.Runs;
using Keel.FixCi.Summaries;
using Keel.FixCi.Tests.GitHub;
using Keel.Testing.OpenAi;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;

namespace Keel.FixCi.Tests.Summaries;

/// <summary>The optional model rewrite of block summaries, against an OpenAI-compatible fake on a real port.</summary>
public sealed class RewriteSummariesTests : IAsyncLifetime
{
    private const string ModelSentence = "The parser misses a semicolon at Parser.cs line 12.";

    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 11, 23, 10, 0, 0, TimeSpan.Zero));
    private readonly HttpClient _http = new() { Timeout = Timeout.InfiniteTimeSpan };
    private FakeOpenAi _openAi = null!;

    public async Task InitializeAsync() => _openAi = await FakeOpenAi.StartAsync("sk-fixci-test");

    public async Task DisposeAsync()
    {
        await _openAi.DisposeAsync();
        _http.Dispose();
    }

    private RewriteSummaries Rewriter(int maxLines = 30) => new(_http, new LlmOptions
    {
        BaseUrl = new Uri(_openAi.BaseUrl), ApiKey = _openAi.ApiKey, Model = "small-model", Timeout = TimeSpan.FromSeconds(5), MaxLines = maxLines,
    }, _time, NullLogger<RewriteSummaries>.Instance);

    private static LogBlock Block(int start, string summary, params string[] lines) =>
        new(start, start + Math.Max(0, lines.Length - 1), Categories.Compilation, summary, "Add the semicolon.", 1,
            lines.Select((l, i) => new LogLine(start + i, l)).ToArray());

    private static AnalysisResult Result(int blocks) =>
        new(Enumerable.Range(1, blocks).Select(i => Block(i * 10, $"rule summary {i}", $"src/Parser.cs(12,5): error CS1002: ; expected ({i})")).ToArray(), 100, false);

    [Fact]
    public async Task The_model_rewrites_the_summaries_of_the_blocks_the_comment_shows()
    {
        _openAi.Reply = _ => ModelSentence + "\nAnd a second line that is dropped.";

        var rewritten = await Rewriter().RunAsync(Result(4), CancellationToken.None);

        rewritten.Blocks.Take(3).ShouldAllBe(b => b.Summary == ModelSentence);
        rewritten.Blocks[3].Summary.ShouldBe("rule summary 4");
        rewritten.Blocks[0].Hint.ShouldBe("Add the semicolon.");
        var requests = _openAi.Received;
        requests.Count.ShouldBe(3);
        requests[0]["model"]!.GetValue<string>().ShouldBe("small-model");
        requests[0]["messages"]![1]!["content"]!.GetValue<string>().ShouldContain("error CS1002");
    }

    [Fact]
    public async Task An_error_from_the_model_keeps_the_rule_summaries_and_stops_asking()
    {
        _openAi.FailWith(HttpStatusCode.InternalServerError);

        var result = await Rewriter().RunAsync(Result(3), CancellationToken.None);

        result.Blocks.Select(b => b.Summary).ShouldBe(["rule summary 1", "rule summary 2", "rule summary 3"]);
        _openAi.Received.Count.ShouldBe(1);
    }

    [Fact]
    public async Task A_model_that_does_not_answer_in_time_is_given_up_on()
    {
        _openAi.Hang();

        var task = Rewriter().RunAsync(Result(2), CancellationToken.None);
        for (var rounds = 0; !task.IsCompleted && rounds < 2_000; rounds++)
        {
            await Task.WhenAny(task, Task.Delay(5));
            if (!task.IsCompleted) _time.Advance(TimeSpan.FromSeconds(1));
        }
        var result = await task;

        result.Blocks.Select(b => b.Summary).ShouldBe(["rule summary 1", "rule summary 2"]);
        _openAi.Received.Count.ShouldBe(1);
    }

    [Fact]
    public async Task Secrets_are_masked_and_the_lines_capped_before_anything_is_sent()
    {
        string[] secrets =
        [
            "ghp_16C7e42F292c6912E7710c838347Ae178B4a", "github_pat_11ABCDEFG0123456789_abcdefghijklmnopqrstuvwxyz", "AKIAIOSFODNN7EXAMPLE",
            "wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY", "eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiIxMjM0NTY3ODkwIn0.dozjgNryP4J3jVmNHl0w5N_XgL0n3I9PlFUP0THsR8U",
            "hunter2-super-secret", "s3cr3tP@ss",
        ];
        var lines = new List<string>
        {
            $"git clone https://x-access-token:{secrets[0]}@github.com/octo/widgets",
            $"export GH_TOKEN={secrets[1]}",
            $"aws configure set aws_access_key_id {secrets[2]}",
            $"AWS_SECRET_ACCESS_KEY={secrets[3]}",
            $"curl -H 'Authorization: Bearer {secrets[4]}' https://api.example.com",
            $"psql postgres://app:{secrets[5]}@db:5432/app",
            $"mysql --password={secrets[6]} -h db",
        };
        lines.AddRange(Enumerable.Range(1, 93).Select(i => $"noise line {i}"));

        await Rewriter(maxLines: 16).RunAsync(new AnalysisResult([Block(1, $"Login failed with token {secrets[0]}", [.. lines])], 100, false), CancellationToken.None);

        var sent = string.Join("\n", _openAi.Received.ShouldHaveSingleItem()["messages"]!.AsArray().Select(m => m!["content"]!.GetValue<string>()));
        foreach (var secret in secrets)
        {
            sent.ShouldNotContain(secret[..Math.Min(12, secret.Length)]);
        }
        sent.ShouldContain("export GH_TOKEN=***", customMessage: sent);
        sent.ShouldContain("Authorization: ***", customMessage: sent);
        sent.ShouldContain("psql postgres://***@db:5432/app", customMessage: sent);
        sent.ShouldContain("mysql --password=*** -h db", customMessage: sent);
        sent.ShouldContain("noise line 93");
        sent.ShouldNotContain("noise line 50");
        // The first 8 and the last 8 of 100 lines.
        sent.Split('\n').Count(l => l.StartsWith("noise line", StringComparison.Ordinal)).ShouldBe(9);
    }

    [Fact]
    public void Masking_keeps_ordinary_log_text()
    {
        SecretMask.Apply("src/Parser.cs(12,5): error CS1002: ; expected").ShouldBe("src/Parser.cs(12,5): error CS1002: ; expected");
        SecretMask.Apply("FAILED tests/test_login.py::test_password_reset - AssertionError").ShouldBe("FAILED tests/test_login.py::test_password_reset - AssertionError");
        SecretMask.Apply("-----BEGIN RSA PRIVATE KEY-----").ShouldNotContain("BEGIN");
        SecretMask.Apply("{\"password\": \"abc123\"}").ShouldBe("{\"password\": \"***\"}");
    }

    [Fact]
    public async Task The_pull_request_comment_carries_the_models_summary()
    {
        await using var app = await GitHubAppHarness.StartAsync();
        _openAi.Reply = _ => ModelSentence;
        const string sha = "acb5820ced9479c074f688cc328bf03f341a511d";
        var run = app.GitHub.AddRun(GitHubAppHarness.Repository, 159038, sha, "fix-parser", "failure");
        app.GitHub.AddJob(GitHubAppHarness.Repository, run, "build", "failure",
            "Run dotnet build\nsrc/Parser.cs(12,5): error CS1002: ; expected [/src/App.csproj]\nBuild FAILED.\n##[error]Process completed with exit code 1.\n");
        var pr = app.GitHub.AddPullRequest(GitHubAppHarness.Repository, sha, "fix-parser");
        var analysis = new AnalyzeFailedRun(app.Api, app.Tokens, app.Upsert, Rewriter());
        var payload = WorkflowRunPayload.Completed(runId: run, headSha: sha, pullRequests: [WorkflowRunPayload.PullRequest(pr, headSha: sha)]);
        var parsed = WebhookPayload.Parse("workflow_run", Encoding.UTF8.GetBytes(payload.ToJsonString())).ShouldBeOfType<ParsedWebhook.Analyze>().Run;

        await app.AdvancingAsync(analysis.RunAsync(parsed));

        var comment = app.GitHub.Comments(GitHubAppHarness.Repository, pr).ShouldHaveSingleItem();
        comment.Body.ShouldStartWith(ReportComment.Marker);
        comment.Body.ShouldContain(ModelSentence);
        comment.Body.ShouldContain("error CS1002");
    }
}
