using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;

namespace Keel.FixCi.GitHub;

/// <summary>
/// The few GitHub REST endpoints FixCI needs. Every call names its credential (the app JWT or an installation
/// token) so one instance serves all installations. The <see cref="HttpClient"/> must not follow redirects itself
/// (<see cref="CreateHttpClient"/>): job logs redirect to blob storage, which must not receive the token.
/// </summary>
internal sealed class GitHubApi(HttpClient http, GitHubAppOptions options, TimeProvider time)
{
    private const int PageSize = 100;

    /// <summary>A client suited to this API: no automatic redirects, connections recycled so DNS changes are seen.</summary>
    public static HttpClient CreateHttpClient() =>
        new(new SocketsHttpHandler { AllowAutoRedirect = false, PooledConnectionLifetime = TimeSpan.FromMinutes(5) })
        {
            Timeout = TimeSpan.FromMinutes(5),
        };

    /// <summary><c>POST /app/installations/{id}/access_tokens</c>, authenticated with the app JWT.</summary>
    public async Task<InstallationToken> CreateInstallationTokenAsync(string appJwt, long installationId, CancellationToken cancellationToken)
    {
        using var response = await SendAsync(HttpMethod.Post, $"app/installations/{installationId}/access_tokens", appJwt, null, cancellationToken);
        var json = await ReadJsonAsync(response, cancellationToken);
        return new InstallationToken(json.GetProperty("token").GetString()!, json.GetProperty("expires_at").GetDateTimeOffset());
    }

    /// <summary>All jobs of a run's latest attempt (<c>GET .../actions/runs/{run_id}/jobs</c>, every page).</summary>
    public Task<IReadOnlyList<WorkflowJob>> ListJobsAsync(string token, RepositoryName repository, long runId, CancellationToken cancellationToken) =>
        GetAllPagesAsync(token, $"repos/{repository.Path}/actions/runs/{runId}/jobs?per_page={PageSize}", "jobs", ReadJob, cancellationToken);

    /// <summary>
    /// The newest successful run of a workflow on a branch, or null
    /// (<c>GET .../actions/workflows/{workflow_id}/runs?branch=...&amp;status=success</c>).
    /// </summary>
    public async Task<WorkflowRun?> FindLastSuccessfulRunAsync(
        string token, RepositoryName repository, long workflowId, string branch, CancellationToken cancellationToken)
    {
        var path = $"repos/{repository.Path}/actions/workflows/{workflowId}/runs?branch={Uri.EscapeDataString(branch)}&status=success&per_page=1";
        using var response = await SendAsync(HttpMethod.Get, path, token, null, cancellationToken);
        var json = await ReadJsonAsync(response, cancellationToken);
        return json.GetProperty("workflow_runs").EnumerateArray().Select(ReadRun).FirstOrDefault(r => r.Conclusion == "success");
    }

    /// <summary>
    /// Opens a job's plain-text log. GitHub answers 302 to a short-lived blob URL, which is fetched without the
    /// Authorization header; while the job is still finishing it answers 404, so the request is repeated with a
    /// doubling delay, <see cref="GitHubAppOptions.LogAttempts"/> times at most. Null when the log never appeared.
    /// </summary>
    /// <param name="attempts">Overrides <see cref="GitHubAppOptions.LogAttempts"/>: a job finished long ago has its log or never will.</param>
    public async Task<Stream?> OpenJobLogAsync(
        string token, RepositoryName repository, long jobId, CancellationToken cancellationToken, int? attempts = null)
    {
        var path = $"repos/{repository.Path}/actions/jobs/{jobId}/logs";
        var delay = options.LogRetryDelay;
        for (var attempt = 1; ; attempt++)
        {
            var response = await SendAsync(HttpMethod.Get, path, token, null, cancellationToken, allowedStatus: HttpStatusCode.NotFound);
            if (response.StatusCode == HttpStatusCode.NotFound)
            {
                response.Dispose();
                if (attempt >= (attempts ?? options.LogAttempts))
                {
                    return null;
                }

                await Task.Delay(delay, time, cancellationToken);
                delay *= 2;
                continue;
            }

            if (response.StatusCode is HttpStatusCode.OK)
            {
                return await OpenBodyAsync(response, cancellationToken);
            }

            var location = response.Headers.Location;
            var origin = response.RequestMessage!.RequestUri!;
            response.Dispose();
            if (location is null)
            {
                throw new GitHubApiException(response.StatusCode, $"GET {path}", "a redirect without a Location header");
            }

            return await DownloadBlobAsync(new Uri(origin, location), cancellationToken);
        }
    }

    /// <summary>
    /// The open pull request whose head is <paramref name="headSha"/>, or null. Asks <c>GET .../commits/{sha}/pulls</c>
    /// first and, since that does not list pull requests from forks reliably, then pages through the open pull requests.
    /// </summary>
    public async Task<PullRequestRef?> FindOpenPullRequestAsync(string token, RepositoryName repository, string headSha, CancellationToken cancellationToken)
    {
        var byCommit = await GetAllPagesAsync(
            token, $"repos/{repository.Path}/commits/{Uri.EscapeDataString(headSha)}/pulls?per_page={PageSize}", null, ReadPullRequest, cancellationToken);
        if (byCommit.Where(pr => pr.Open && pr.Ref.HeadSha == headSha).Select(pr => pr.Ref).FirstOrDefault() is { } found)
        {
            return found;
        }

        var open = await GetAllPagesAsync(token, $"repos/{repository.Path}/pulls?state=open&per_page={PageSize}", null, ReadPullRequest, cancellationToken);
        return open.Where(pr => pr.Ref.HeadSha == headSha).Select(pr => pr.Ref).FirstOrDefault();
    }

    public Task<IReadOnlyList<IssueComment>> ListIssueCommentsAsync(string token, RepositoryName repository, int number, CancellationToken cancellationToken) =>
        GetAllPagesAsync(token, $"repos/{repository.Path}/issues/{number}/comments?per_page={PageSize}", null, ReadComment, cancellationToken);

    public async Task<IssueComment> CreateIssueCommentAsync(string token, RepositoryName repository, int number, string body, CancellationToken cancellationToken)
    {
        using var response = await SendAsync(
            HttpMethod.Post, $"repos/{repository.Path}/issues/{number}/comments", token, new { body }, cancellationToken);
        return ReadComment(await ReadJsonAsync(response, cancellationToken));
    }

    public async Task<IssueComment> UpdateIssueCommentAsync(string token, RepositoryName repository, long commentId, string body, CancellationToken cancellationToken)
    {
        using var response = await SendAsync(
            HttpMethod.Patch, $"repos/{repository.Path}/issues/comments/{commentId}", token, new { body }, cancellationToken);
        return ReadComment(await ReadJsonAsync(response, cancellationToken));
    }

    /// <summary>
    /// Exchanges the code GitHub gave the installing user for a user access token
    /// (<c>POST {web}/login/oauth/access_token</c> with the app's client id and secret). Null when GitHub refuses the
    /// code; GitHub answers such refusals with 200 and an <c>error</c> field.
    /// </summary>
    public async Task<string?> ExchangeOAuthCodeAsync(string code, CancellationToken cancellationToken)
    {
        var url = new Uri(new Uri(options.WebBaseUrl.AbsoluteUri.TrimEnd('/') + "/"), "login/oauth/access_token");
        using var request = new HttpRequestMessage(HttpMethod.Post, url)
        {
            Content = new FormUrlEncodedContent(new Dictionary<string, string>
            {
                ["client_id"] = options.ClientId, ["client_secret"] = options.ClientSecret, ["code"] = code,
            }),
        };
        request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("application/json"));
        request.Headers.UserAgent.ParseAdd(options.UserAgent);
        using var response = await http.SendAsync(request, cancellationToken);
        if (!response.IsSuccessStatusCode) return null;
        try
        {
            using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync(cancellationToken));
            return StringOrNull(json.RootElement, "access_token");
        }
        catch (JsonException)
        {
            return null;
        }
    }

    /// <summary>
    /// The account of <paramref name="installationId"/> when the user of <paramref name="userToken"/> can access that
    /// installation (<c>GET /user/installations</c>, every page), else null.
    /// </summary>
    public async Task<(bool Found, GitHubAccount? Account)> FindUserInstallationAsync(string userToken, long installationId, CancellationToken cancellationToken)
    {
        var installations = await GetAllPagesAsync(userToken, $"user/installations?per_page={PageSize}", "installations",
            i => (Id: i.GetProperty("id").GetInt64(),
                Account: i.TryGetProperty("account", out var a) && a.ValueKind == JsonValueKind.Object && StringOrNull(a, "login") is { } login
                    ? new GitHubAccount(login, StringOrNull(a, "type") ?? "User") : null),
            cancellationToken);
        var match = installations.FirstOrDefault(i => i.Id == installationId);
        return match.Id == installationId ? (true, match.Account) : (false, null);
    }

    private async Task<Stream> DownloadBlobAsync(Uri url, CancellationToken cancellationToken)
    {
        // A fresh request: the token is for api.github.com only and must not travel to the storage host.
        using var request = new HttpRequestMessage(HttpMethod.Get, url);
        request.Headers.UserAgent.ParseAdd(options.UserAgent);
        var response = await http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, cancellationToken);
        if (!response.IsSuccessStatusCode)
        {
            var status = response.StatusCode;
            response.Dispose();
            throw new GitHubApiException(status, $"GET {url.GetLeftPart(UriPartial.Path)} (job log download)", null);
        }

        return await OpenBodyAsync(response, cancellationToken);
    }

    private static async Task<Stream> OpenBodyAsync(HttpResponseMessage response, CancellationToken cancellationToken)
    {
        // Disposing the content stream releases the connection; the response object holds nothing else.
        return await response.Content.ReadAsStreamAsync(cancellationToken);
    }

    private async Task<IReadOnlyList<T>> GetAllPagesAsync<T>(
        string token, string path, string? arrayProperty, Func<JsonElement, T> read, CancellationToken cancellationToken)
    {
        var items = new List<T>();
        string? next = path;
        while (next is not null)
        {
            using var response = await SendAsync(HttpMethod.Get, next, token, null, cancellationToken);
            var json = await ReadJsonAsync(response, cancellationToken);
            var array = arrayProperty is null ? json : json.GetProperty(arrayProperty);
            items.AddRange(array.EnumerateArray().Select(read));
            next = NextPage(response);
        }
        return items;
    }

    /// <summary>The <c>rel="next"</c> URL of a <c>Link</c> header, when it points at the configured API.</summary>
    private string? NextPage(HttpResponseMessage response)
    {
        if (!response.Headers.TryGetValues("Link", out var links))
        {
            return null;
        }

        foreach (var link in links.SelectMany(l => l.Split(',')))
        {
            var parts = link.Split(';', StringSplitOptions.TrimEntries);
            if (parts.Length > 1 && parts.Skip(1).Any(p => p.Equals("rel=\"next\"", StringComparison.OrdinalIgnoreCase))
                && parts[0].StartsWith('<') && parts[0].EndsWith('>'))
            {
                var url = parts[0][1..^1];
                // Never send the token anywhere but the configured API.
                return url.StartsWith(BaseUrl, StringComparison.OrdinalIgnoreCase) ? url : null;
            }
        }
        return null;
    }

    private string BaseUrl => options.ApiBaseUrl.AbsoluteUri.TrimEnd('/') + "/";

    private async Task<HttpResponseMessage> SendAsync(
        HttpMethod method, string pathOrUrl, string bearer, object? json, CancellationToken cancellationToken,
        HttpStatusCode? allowedStatus = null)
    {
        var url = pathOrUrl.StartsWith(BaseUrl, StringComparison.OrdinalIgnoreCase) ? pathOrUrl : BaseUrl + pathOrUrl;
        for (var hop = 0; ; hop++)
        {
            using var request = new HttpRequestMessage(method, url) { Content = json is null ? null : JsonContent.Create(json) };
            request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("application/vnd.github+json"));
            request.Headers.Add("X-GitHub-Api-Version", "2022-11-28");
            request.Headers.UserAgent.ParseAdd(options.UserAgent);
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", bearer);
            var response = await http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, cancellationToken);
            var status = (int)response.StatusCode;

            // A renamed (301) or transferred (307) repository: GitHub asks to repeat the request at its new URL.
            // Followed only within the API, with the same method and body; 302 is a download link and left to the caller.
            if (status is 301 or 307 or 308 && hop < 3 && response.Headers.Location is { } moved
                && new Uri(request.RequestUri!, moved).AbsoluteUri is var movedUrl
                && movedUrl.StartsWith(BaseUrl, StringComparison.OrdinalIgnoreCase))
            {
                response.Dispose();
                url = movedUrl;
                continue;
            }

            if (response.IsSuccessStatusCode || status is >= 300 and < 400 || response.StatusCode == allowedStatus)
            {
                return response;
            }

            throw await ErrorAsync(response, method, url, cancellationToken);
        }
    }

    private static async Task<GitHubApiException> ErrorAsync(HttpResponseMessage response, HttpMethod method, string url, CancellationToken cancellationToken)
    {
        using (response)
        {
            string? message = null;
            try
            {
                using var error = JsonDocument.Parse(await response.Content.ReadAsStringAsync(cancellationToken));
                message = error.RootElement.TryGetProperty("message", out var m) ? m.GetString() : null;
            }
            catch (JsonException)
            {
                // GitHub's error bodies are JSON; a proxy's may not be, and the status alone still explains the failure.
            }
            return new GitHubApiException(response.StatusCode, $"{method} {new Uri(url).AbsolutePath}", message);
        }
    }

    private static async Task<JsonElement> ReadJsonAsync(HttpResponseMessage response, CancellationToken cancellationToken)
    {
        if (!response.IsSuccessStatusCode)
        {
            throw new GitHubApiException(response.StatusCode, $"{response.RequestMessage?.Method} {response.RequestMessage?.RequestUri?.AbsolutePath}", "expected a JSON answer");
        }

        await using var stream = await response.Content.ReadAsStreamAsync(cancellationToken);
        using var document = await JsonDocument.ParseAsync(stream, cancellationToken: cancellationToken);
        return document.RootElement.Clone();
    }

    private static WorkflowJob ReadJob(JsonElement job) => new(
        job.GetProperty("id").GetInt64(),
        job.GetProperty("run_id").GetInt64(),
        job.TryGetProperty("run_attempt", out var attempt) && attempt.ValueKind == JsonValueKind.Number ? attempt.GetInt32() : null,
        job.GetProperty("name").GetString() ?? "",
        StringOrNull(job, "conclusion"),
        StringOrNull(job, "html_url"));

    private static WorkflowRun ReadRun(JsonElement run) => new(
        run.GetProperty("id").GetInt64(),
        run.TryGetProperty("run_attempt", out var attempt) && attempt.ValueKind == JsonValueKind.Number ? attempt.GetInt32() : 1,
        run.GetProperty("head_sha").GetString() ?? "",
        StringOrNull(run, "head_branch"),
        StringOrNull(run, "conclusion"),
        StringOrNull(run, "html_url"));

    private static (bool Open, PullRequestRef Ref) ReadPullRequest(JsonElement pr) => (
        StringOrNull(pr, "state") == "open",
        new PullRequestRef(
            pr.GetProperty("number").GetInt32(),
            pr.GetProperty("base").GetProperty("ref").GetString() ?? "",
            pr.GetProperty("head").GetProperty("sha").GetString() ?? ""));

    private static IssueComment ReadComment(JsonElement comment) => new(
        comment.GetProperty("id").GetInt64(),
        StringOrNull(comment, "body") ?? "",
        comment.TryGetProperty("user", out var user) && user.ValueKind == JsonValueKind.Object ? StringOrNull(user, "login") : null,
        StringOrNull(comment, "html_url"));

    private static string? StringOrNull(JsonElement element, string name) =>
        element.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;
}
