using System.Net;
using System.Security.Cryptography;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Keel.Testing.GitHub;

/// <summary>
/// A GitHub-compatible REST API on 127.0.0.1 for tests of a GitHub App: installation tokens issued for a valid app
/// JWT (RS256 with the app's key, <c>iss</c> the app id, at most 10 minutes of life), and with an installation token
/// a repository's workflow runs, jobs and job logs, pull requests and issue comments, in GitHub's JSON shapes.
/// A job log answers 302 to a blob URL on the same server (path <c>/_blobs/...</c>), which, like the real storage,
/// refuses requests that carry an Authorization header; <see cref="SetLogNotFound"/> makes a log answer 404 first,
/// as GitHub does while a job is finishing. Lists page with <c>per_page</c>/<c>page</c> and a <c>Link</c> header.
/// <c>GET /repos/{o}/{r}/commits/{sha}/pulls</c> leaves out pull requests from forks, as GitHub's does in practice,
/// so clients must fall back to listing open pull requests. The web flow's code exchange
/// (<c>POST /login/oauth/access_token</c>) and <c>GET /user/installations</c> are served too (<see cref="EnableUserAuthorization"/>).
/// </summary>
public sealed class FakeGitHub : IAsyncDisposable
{
    readonly GitHubWorld world;
    WebApplication? app;

    FakeGitHub(GitHubWorld world) => this.world = world;

    /// <summary>Where the API listens, e.g. <c>http://127.0.0.1:41234</c>: the client's API base URL.</summary>
    public string BaseUrl { get; private set; } = "";

    public string AppId => world.AppId;

    /// <summary>Comments written with an installation token are by <c>{AppSlug}[bot]</c>.</summary>
    public string BotLogin => $"{world.AppSlug}[bot]";

    /// <summary>Lifetime of the installation tokens issued from now on (GitHub: one hour).</summary>
    public TimeSpan TokenLifetime
    {
        get => Locked(() => world.TokenLifetime);
        set => Locked(() => world.TokenLifetime = value);
    }

    /// <summary>Largest page any list returns, whatever <c>per_page</c> asks (GitHub: 100). Lower it to test paging.</summary>
    public int MaxPageSize
    {
        get => Locked(() => world.MaxPageSize);
        set => Locked(() => world.MaxPageSize = value);
    }

    /// <summary>Installation tokens issued so far.</summary>
    public int TokensIssued => Locked(() => world.TokensIssued);

    /// <summary>Every request answered so far, oldest first.</summary>
    public IReadOnlyList<GitHubRequest> Requests => Locked(() => world.Requests.ToArray());

    /// <summary>Starts the server on a free port on 127.0.0.1.</summary>
    /// <param name="appId">The app id the JWT's <c>iss</c> must carry.</param>
    /// <param name="appPublicKey">Verifies the JWT's RS256 signature; the fake keeps the reference, so keep the key alive.</param>
    /// <param name="time">The clock for JWT checks, token expiry and timestamps.</param>
    public static async Task<FakeGitHub> StartAsync(string appId, RSA appPublicKey, TimeProvider? time = null, string appSlug = "fixci")
    {
        var gitHub = new FakeGitHub(new GitHubWorld(appId, appSlug, appPublicKey, time ?? TimeProvider.System));
        var builder = WebApplication.CreateSlimBuilder(new WebApplicationOptions { ContentRootPath = AppContext.BaseDirectory });
        builder.Logging.ClearProviders();
        builder.WebHost.UseKestrel(kestrel => kestrel.Listen(IPAddress.Loopback, 0));
        var app = builder.Build();
        GitHubRoutes.Map(app, gitHub.world, () => gitHub.BaseUrl);
        await app.StartAsync();
        gitHub.app = app;
        gitHub.BaseUrl = app.Services.GetRequiredService<IServer>().Features.GetRequiredFeature<IServerAddressesFeature>()
            .Addresses.Single().TrimEnd('/');
        return gitHub;
    }

    /// <summary>Installs the app on repositories (<c>owner/name</c>), creating them with the given default branch.
    /// The installation's account is the first repository's owner, an organization.</summary>
    public void AddInstallation(long installationId, IEnumerable<string> repositories, string defaultBranch = "main") =>
        Locked(() =>
        {
            world.Installations.Add(installationId);
            if (repositories.FirstOrDefault() is { } first) world.InstallationAccounts[installationId] = (first.Split('/')[0], "Organization");
            foreach (var fullName in repositories)
            {
                if (fullName.Split('/') is not [{ Length: > 0 }, { Length: > 0 }])
                {
                    throw new ArgumentException($"'{fullName}' is not owner/name.", nameof(repositories));
                }
                world.Repositories[fullName] = new RepositoryRecord(world.NextId(), fullName, installationId, defaultBranch);
            }
            return 0;
        });

    /// <summary>
    /// Turns on the app's OAuth client ("Request user authorization (OAuth) during installation"): from now on
    /// <c>POST /login/oauth/access_token</c> exchanges codes from <see cref="AuthorizeUser"/> for user tokens when
    /// given these credentials, and <c>GET /user/installations</c> lists what the token's user can access.
    /// </summary>
    public void EnableUserAuthorization(string clientId, string clientSecret) =>
        Locked(() => world.OAuth = new OAuthClient(clientId, clientSecret));

    /// <summary>
    /// What GitHub does when a user authorizes the app: a one-time code (valid 10 minutes) for a user who can access
    /// <paramref name="installations"/>, as GitHub appends to the Setup URL.
    /// </summary>
    public string AuthorizeUser(params long[] installations) =>
        Locked(() =>
        {
            var oauth = world.OAuth ?? throw new InvalidOperationException("Call EnableUserAuthorization first.");
            var code = GitHubWorld.RandomToken("", 20);
            oauth.Codes[code] = (installations, world.Now + TimeSpan.FromMinutes(10));
            return code;
        });

    /// <summary>Codes presented to <c>POST /login/oauth/access_token</c>, accepted or not.</summary>
    public IReadOnlyList<string> CodeExchanges => Locked(() => world.CodeExchanges.ToArray());

    /// <summary>Invalidates the installation's tokens, as when an installation is suspended or a token revoked: they now get 401.</summary>
    public void RevokeTokens(long installationId) =>
        Locked(() =>
        {
            foreach (var token in world.Tokens.Where(t => t.Value.InstallationId == installationId).Select(t => t.Key).ToArray())
            {
                world.Tokens.Remove(token);
            }
            return 0;
        });

    /// <summary>
    /// Renames a repository: it keeps its runs, pull requests and comments, and requests to the old name answer 301 to
    /// the same path under the new name, as GitHub does.
    /// </summary>
    public void RenameRepository(string fullName, string newFullName) =>
        Locked(() =>
        {
            var repo = Repository(fullName);
            var renamed = new RepositoryRecord(repo.Id, newFullName, repo.InstallationId, repo.DefaultBranch);
            renamed.Runs.AddRange(repo.Runs);
            renamed.Jobs.AddRange(repo.Jobs);
            renamed.PullRequests.AddRange(repo.PullRequests);
            renamed.Comments.AddRange(repo.Comments);
            world.Repositories.Remove(fullName);
            world.Repositories[newFullName] = renamed;
            world.Renamed[fullName] = newFullName;
            return 0;
        });

    /// <summary>Records a completed workflow run; returns its id. Runs are listed newest (last added) first.</summary>
    /// <param name="conclusion"><c>success</c>, <c>failure</c>, <c>timed_out</c>, <c>cancelled</c> ...</param>
    public long AddRun(string repository, long workflowId, string headSha, string headBranch, string conclusion, int attempt = 1, string name = "CI") =>
        Locked(() =>
        {
            var run = new RunRecord(world.NextId(), workflowId, name, headSha, headBranch, conclusion, attempt, world.Now);
            Repository(repository).Runs.Add(run);
            return run.Id;
        });

    /// <summary>Adds a job to a run (of the run's attempt unless <paramref name="attempt"/> says otherwise); returns its id.</summary>
    public long AddJob(string repository, long runId, string name, string conclusion, string log, int? attempt = null) =>
        Locked(() =>
        {
            var repo = Repository(repository);
            var run = repo.Runs.SingleOrDefault(r => r.Id == runId)
                ?? throw new KeyNotFoundException($"The fake GitHub has no run {runId} in {repository}.");
            var job = new JobRecord(world.NextId(), runId, attempt ?? run.Attempt, name, conclusion, log);
            repo.Jobs.Add(job);
            return job.Id;
        });

    /// <summary>The job's log answers 404 to the next <paramref name="requests"/> requests, as while the job finishes.</summary>
    public void SetLogNotFound(long jobId, int requests) =>
        Locked(() => Job(jobId).NotFoundRemaining = requests);

    /// <summary>Opens a pull request; returns its number. <paramref name="fromFork"/> makes its head a fork's branch.</summary>
    public int AddPullRequest(string repository, string headSha, string headBranch, string baseBranch = "main", bool fromFork = false) =>
        Locked(() =>
        {
            var repo = Repository(repository);
            var number = repo.PullRequests.Count + 1;
            var headRepository = fromFork ? $"contributor/{repository.Split('/')[1]}" : repo.FullName;
            repo.PullRequests.Add(new PullRequestRecord(number, headSha, headBranch, baseBranch, headRepository, open: true));
            return number;
        });

    /// <summary>Closes a pull request: it no longer appears among open pull requests.</summary>
    public void ClosePullRequest(string repository, int number) =>
        Locked(() => PullRequest(Repository(repository), number).Open = false);

    /// <summary>Adds a comment by someone else (a person, another bot); returns its id.</summary>
    public long AddComment(string repository, int number, string body, string author) =>
        Locked(() =>
        {
            var repo = Repository(repository);
            PullRequest(repo, number);
            var comment = new CommentRecord(world.NextId(), number, body, author, world.Now);
            repo.Comments.Add(comment);
            return comment.Id;
        });

    /// <summary>The pull request's conversation, oldest first.</summary>
    public IReadOnlyList<FakeComment> Comments(string repository, int number) =>
        Locked(() => Repository(repository).Comments.Where(c => c.Issue == number).Select(c => c.Snapshot()).ToArray());

    public async ValueTask DisposeAsync()
    {
        if (app is not null)
        {
            await app.StopAsync();
            await app.DisposeAsync();
            app = null;
        }
    }

    RepositoryRecord Repository(string fullName) =>
        world.Repositories.TryGetValue(fullName, out var repo)
            ? repo
            : throw new KeyNotFoundException($"The fake GitHub has no repository '{fullName}': add it with AddInstallation.");

    JobRecord Job(long jobId) =>
        world.Repositories.Values.SelectMany(r => r.Jobs).SingleOrDefault(j => j.Id == jobId)
            ?? throw new KeyNotFoundException($"The fake GitHub has no job {jobId}.");

    static PullRequestRecord PullRequest(RepositoryRecord repo, int number) =>
        repo.PullRequests.SingleOrDefault(p => p.Number == number)
            ?? throw new KeyNotFoundException($"The fake GitHub has no pull request #{number} in {repo.FullName}.");

    T Locked<T>(Func<T> read)
    {
        lock (world.Gate)
        {
            return read();
        }
    }
}
