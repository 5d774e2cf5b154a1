using System.Security.Cryptography;
using Keel.FixCi.Comments;
using Keel.FixCi.GitHub;
using Keel.FixCi.Runs;
using Keel.Testing.GitHub;
using Microsoft.Extensions.Time.Testing;

namespace Keel.FixCi.Tests.GitHub;

/// <summary>
/// The FixCI GitHub client wired against a <see cref="FakeGitHub"/> with one installation of the app on
/// <see cref="Repository"/>, all on one <see cref="FakeTimeProvider"/>.
/// </summary>
internal sealed class GitHubAppHarness : IAsyncDisposable
{
    public const string AppId = "123456";
    public const long InstallationId = 42;
    public const string Repository = "octo/widgets";

    private readonly RSA key;
    private readonly HttpClient http;

    private GitHubAppHarness(RSA key, FakeTimeProvider time, FakeGitHub gitHub, GitHubAppOptions options)
    {
        this.key = key;
        Time = time;
        GitHub = gitHub;
        Options = options;
        http = GitHubApi.CreateHttpClient();
        Api = new GitHubApi(http, options, time);
        Tokens = new InstallationTokens(Api, options, time);
        Upsert = new UpsertPullRequestComment(Api);
        Analysis = new AnalyzeFailedRun(Api, Tokens, Upsert);
    }

    public FakeTimeProvider Time { get; }
    public FakeGitHub GitHub { get; }
    public GitHubAppOptions Options { get; }
    public GitHubApi Api { get; }
    public InstallationTokens Tokens { get; }
    public UpsertPullRequestComment Upsert { get; }
    public AnalyzeFailedRun Analysis { get; }
    public RSA Key => key;
    public static RepositoryName RepositoryName => new("octo", "widgets");

    public static async Task<GitHubAppHarness> StartAsync()
    {
        var key = RSA.Create(2048);
        var time = new FakeTimeProvider(new DateTimeOffset(2026, 11, 23, 10, 0, 0, TimeSpan.Zero));
        var gitHub = await FakeGitHub.StartAsync(AppId, key, time);
        gitHub.AddInstallation(InstallationId, [Repository]);
        var options = new GitHubAppOptions
        {
            AppId = AppId,
            PrivateKeyPem = key.ExportRSAPrivateKeyPem(),
            ApiBaseUrl = new Uri(gitHub.BaseUrl),
            WebhookSecrets = ["secret"],
        };
        return new GitHubAppHarness(key, time, gitHub, options);
    }

    public Task<string> TokenAsync() => Tokens.GetAsync(InstallationId);

    /// <summary>
    /// Awaits <paramref name="task"/> while moving the fake clock a second every few milliseconds, so retries that
    /// wait on the clock proceed at once.
    /// </summary>
    public async Task<T> AdvancingAsync<T>(Task<T> task)
    {
        for (var rounds = 0; !task.IsCompleted && rounds < 2_000; rounds++)
        {
            await Task.WhenAny(task, Task.Delay(5));
            if (!task.IsCompleted)
            {
                Time.Advance(TimeSpan.FromSeconds(1));
            }
        }
        return await task;
    }

    public async ValueTask DisposeAsync()
    {
        Tokens.Dispose();
        http.Dispose();
        await GitHub.DisposeAsync();
        key.Dispose();
    }
}
