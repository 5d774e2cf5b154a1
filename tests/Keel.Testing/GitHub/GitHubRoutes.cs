using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace Keel.Testing.GitHub;

/// <summary>The REST endpoints of <see cref="FakeGitHub"/>, answering with GitHub's JSON and error shapes.</summary>
static class GitHubRoutes
{
    const string Repo = "/repos/{owner}/{name}";

    public static void Map(WebApplication app, GitHubWorld world, Func<string> baseUrl)
    {
        app.Use(async (http, next) =>
        {
            if (!http.Request.Path.StartsWithSegments("/_blobs") && string.IsNullOrWhiteSpace(http.Request.Headers.UserAgent))
            {
                // GitHub refuses API requests without a User-Agent.
                await Error(403, "Request forbidden by administrative rules. Please make sure your request has a User-Agent header").ExecuteAsync(http);
            }
            else
            {
                await next(http);
            }

            lock (world.Gate)
            {
                world.Requests.Add(new GitHubRequest(
                    http.Request.Method, http.Request.Path.Value ?? "", http.Request.QueryString.Value ?? "",
                    http.Request.Headers.Authorization.FirstOrDefault(), http.Response.StatusCode));
            }
        });

        app.MapPost("/app/installations/{id:long}/access_tokens", (HttpContext http, long id) => Locked(world, () =>
        {
            var bearer = Bearer(http);
            if (bearer is null)
            {
                return Error(401, "A JSON web token could not be decoded");
            }
            if (AppJwtCheck.Problem(bearer, world.AppId, world.AppPublicKey, world.Now) is { } problem)
            {
                return Error(401, problem);
            }
            if (!world.Installations.Contains(id))
            {
                return Error(404, "Not Found");
            }

            // Real tokens are "ghs_" and 36 characters today; GitHub warns the length will change, so vary it.
            var token = GitHubWorld.RandomToken("ghs_", 36 + world.TokensIssued % 5);
            var expires = world.Now + world.TokenLifetime;
            world.Tokens[token] = (id, expires);
            world.TokensIssued++;
            return Json(201, new JsonObject
            {
                ["token"] = token,
                ["expires_at"] = Timestamp(expires),
                ["permissions"] = new JsonObject { ["actions"] = "read", ["checks"] = "read", ["pull_requests"] = "write", ["metadata"] = "read" },
                ["repository_selection"] = "selected",
            });
        }));

        app.MapGet(Repo + "/actions/runs/{runId:long}/jobs", (HttpContext http, string owner, string name, long runId) =>
            WithRepository(http, world, owner, name, repo =>
            {
                var run = repo.Runs.SingleOrDefault(r => r.Id == runId);
                if (run is null)
                {
                    return Error(404, "Not Found");
                }

                var all = http.Request.Query["filter"] == "all";
                var jobs = repo.Jobs.Where(j => j.RunId == runId && (all || j.Attempt == run.Attempt)).ToArray();
                var page = Page(http, world, baseUrl(), jobs.Select(j => JobJson(repo, run, j)).ToArray());
                return Json(200, new JsonObject { ["total_count"] = jobs.Length, ["jobs"] = page });
            }));

        app.MapGet(Repo + "/actions/workflows/{workflowId:long}/runs", (HttpContext http, string owner, string name, long workflowId) =>
            WithRepository(http, world, owner, name, repo =>
            {
                var branch = http.Request.Query["branch"].FirstOrDefault();
                var status = http.Request.Query["status"].FirstOrDefault();
                var runs = repo.Runs
                    .Where(r => r.WorkflowId == workflowId && (branch is null || r.HeadBranch == branch)
                        && (status is null || status == "completed" || r.Conclusion == status))
                    .Reverse()
                    .ToArray();
                var page = Page(http, world, baseUrl(), runs.Select(r => RunJson(repo, r)).ToArray());
                return Json(200, new JsonObject { ["total_count"] = runs.Length, ["workflow_runs"] = page });
            }));

        app.MapGet(Repo + "/actions/jobs/{jobId:long}/logs", (HttpContext http, string owner, string name, long jobId) =>
            WithRepository(http, world, owner, name, repo =>
            {
                var job = repo.Jobs.SingleOrDefault(j => j.Id == jobId);
                if (job is null)
                {
                    return Error(404, "Not Found");
                }
                if (job.NotFoundRemaining > 0)
                {
                    job.NotFoundRemaining--;
                    return Error(404, "Not Found");
                }

                var blob = GitHubWorld.RandomToken("", 24);
                world.Blobs[blob] = (job.Log, world.Now + TimeSpan.FromMinutes(1));
                return Results.Redirect($"{baseUrl()}/_blobs/{blob}?sv=2021-08-06&sig={GitHubWorld.RandomToken("", 16)}");
            }));

        app.MapGet("/_blobs/{blob}", (HttpContext http, string blob) => Locked(world, () =>
        {
            if (http.Request.Headers.Authorization.Count > 0)
            {
                // Blob storage authenticates by the URL's signature and refuses a second credential.
                return Results.Text(
                    "<?xml version=\"1.0\" encoding=\"utf-8\"?><Error><Code>InvalidAuthenticationInfo</Code><Message>Authentication information is not given in the correct format.</Message></Error>",
                    "application/xml", statusCode: 400);
            }
            if (!world.Blobs.TryGetValue(blob, out var stored) || stored.ExpiresAt < world.Now)
            {
                return Results.Text("<?xml version=\"1.0\" encoding=\"utf-8\"?><Error><Code>AuthenticationFailed</Code></Error>", "application/xml", statusCode: 403);
            }
            return Results.Text(stored.Text, "text/plain; charset=utf-8");
        }));

        app.MapGet(Repo + "/commits/{sha}/pulls", (HttpContext http, string owner, string name, string sha) =>
            WithRepository(http, world, owner, name, repo =>
            {
                var pulls = repo.PullRequests.Where(p => p.HeadSha == sha && p.HeadRepository == repo.FullName).ToArray();
                return Json(200, Page(http, world, baseUrl(), pulls.Select(p => PullJson(repo, p)).ToArray()));
            }));

        app.MapGet(Repo + "/pulls", (HttpContext http, string owner, string name) =>
            WithRepository(http, world, owner, name, repo =>
            {
                var state = http.Request.Query["state"].FirstOrDefault() ?? "open";
                var pulls = repo.PullRequests.Where(p => state == "all" || p.Open == (state == "open")).Reverse().ToArray();
                return Json(200, Page(http, world, baseUrl(), pulls.Select(p => PullJson(repo, p)).ToArray()));
            }));

        app.MapGet(Repo + "/issues/{number:int}/comments", (HttpContext http, string owner, string name, int number) =>
            WithRepository(http, world, owner, name, repo =>
            {
                if (repo.PullRequests.All(p => p.Number != number))
                {
                    return Error(404, "Not Found");
                }
                var comments = repo.Comments.Where(c => c.Issue == number).Select(c => CommentJson(repo, c)).ToArray();
                return Json(200, Page(http, world, baseUrl(), comments));
            }));

        app.MapPost(Repo + "/issues/{number:int}/comments", async (HttpContext http, string owner, string name, int number) =>
        {
            var body = await ReadBodyAsync(http);
            return WithRepository(http, world, owner, name, repo =>
            {
                if (repo.PullRequests.All(p => p.Number != number))
                {
                    return Error(404, "Not Found");
                }
                if (body is null)
                {
                    return Error(422, "Invalid request.\n\n\"body\" wasn't supplied.");
                }
                var comment = new CommentRecord(world.NextId(), number, body, $"{world.AppSlug}[bot]", world.Now);
                repo.Comments.Add(comment);
                return Json(201, CommentJson(repo, comment));
            });
        });

        app.MapMethods(Repo + "/issues/comments/{id:long}", ["PATCH"], async (HttpContext http, string owner, string name, long id) =>
        {
            var body = await ReadBodyAsync(http);
            return WithRepository(http, world, owner, name, repo =>
            {
                var comment = repo.Comments.SingleOrDefault(c => c.Id == id);
                if (comment is null)
                {
                    return Error(404, "Not Found");
                }
                if (comment.Author != $"{world.AppSlug}[bot]")
                {
                    return Error(403, "Resource not accessible by integration");
                }
                if (body is null)
                {
                    return Error(422, "Invalid request.\n\n\"body\" wasn't supplied.");
                }
                comment.Body = body;
                comment.Updated = world.Now;
                comment.Edits++;
                return Json(200, CommentJson(repo, comment));
            });
        });

        // The web flow's code exchange (github.com, not the API): answers 200 with an "error" field when it refuses.
        app.MapPost("/login/oauth/access_token", async (HttpContext http) =>
        {
            var form = http.Request.HasFormContentType ? await http.Request.ReadFormAsync(http.RequestAborted) : null;
            Dictionary<string, string?> fields;
            if (form is not null)
            {
                fields = form.ToDictionary(f => f.Key, f => (string?)f.Value.ToString());
            }
            else
            {
                try
                {
                    using var document = await JsonDocument.ParseAsync(http.Request.Body, cancellationToken: http.RequestAborted);
                    fields = document.RootElement.EnumerateObject().ToDictionary(p => p.Name, p => p.Value.ValueKind == JsonValueKind.String ? p.Value.GetString() : null);
                }
                catch (JsonException)
                {
                    fields = [];
                }
            }
            return Locked(world, () =>
            {
                var oauth = world.OAuth;
                if (oauth is null || fields.GetValueOrDefault("client_id") != oauth.ClientId || fields.GetValueOrDefault("client_secret") != oauth.ClientSecret)
                {
                    return Json(200, new JsonObject { ["error"] = "incorrect_client_credentials", ["error_description"] = "The client_id and/or client_secret passed are incorrect." });
                }
                var code = fields.GetValueOrDefault("code") ?? "";
                world.CodeExchanges.Add(code);
                if (!oauth.Codes.Remove(code, out var grant) || grant.ExpiresAt < world.Now)
                {
                    return Json(200, new JsonObject { ["error"] = "bad_verification_code", ["error_description"] = "The code passed is incorrect or expired." });
                }
                var token = GitHubWorld.RandomToken("ghu_", 36);
                oauth.UserTokens[token] = grant.Installations;
                return Json(200, new JsonObject { ["access_token"] = token, ["token_type"] = "bearer", ["scope"] = "" });
            });
        });

        app.MapGet("/user/installations", (HttpContext http) => Locked(world, () =>
        {
            if (Bearer(http) is not { } token || world.OAuth?.UserTokens.GetValueOrDefault(token) is not { } installations)
            {
                return Error(401, "Bad credentials");
            }
            var items = installations.Where(world.Installations.Contains).Order().Select(id => (JsonNode)new JsonObject
            {
                ["id"] = id,
                ["app_id"] = long.Parse(world.AppId, CultureInfo.InvariantCulture),
                ["app_slug"] = world.AppSlug,
                ["account"] = world.InstallationAccounts.TryGetValue(id, out var account)
                    ? new JsonObject { ["login"] = account.Login, ["type"] = account.Type }
                    : null,
            }).ToArray();
            return Json(200, new JsonObject { ["total_count"] = items.Length, ["installations"] = Page(http, world, baseUrl(), items) });
        }));

        app.MapFallback(() => Error(404, "Not Found"));
    }

    static IResult WithRepository(HttpContext http, GitHubWorld world, string owner, string name, Func<RepositoryRecord, IResult> answer) =>
        Locked(world, () =>
        {
            var bearer = Bearer(http);
            if (bearer is null || !world.Tokens.TryGetValue(bearer, out var token) || token.ExpiresAt <= world.Now)
            {
                return Error(401, "Bad credentials");
            }
            if (world.Renamed.TryGetValue($"{owner}/{name}", out var newName))
            {
                var rest = http.Request.Path.Value!["/repos/".Length..][$"{owner}/{name}".Length..];
                var moved = $"{http.Request.Scheme}://{http.Request.Host}/repos/{newName}{rest}{http.Request.QueryString}";
                http.Response.Headers.Location = moved;
                return Json(301, new JsonObject { ["message"] = "Moved Permanently", ["url"] = moved, ["documentation_url"] = "https://docs.github.com/rest/guides/best-practices-for-using-the-rest-api#follow-redirects" });
            }
            if (!world.Repositories.TryGetValue($"{owner}/{name}", out var repo) || repo.InstallationId != token.InstallationId)
            {
                return Error(404, "Not Found");
            }
            return answer(repo);
        });

    static IResult Locked(GitHubWorld world, Func<IResult> answer)
    {
        lock (world.Gate)
        {
            return answer();
        }
    }

    static string? Bearer(HttpContext http)
    {
        var header = http.Request.Headers.Authorization.FirstOrDefault();
        foreach (var scheme in new[] { "Bearer ", "token " })
        {
            if (header is not null && header.StartsWith(scheme, StringComparison.OrdinalIgnoreCase))
            {
                return header[scheme.Length..].Trim();
            }
        }
        return null;
    }

    static async Task<string?> ReadBodyAsync(HttpContext http)
    {
        try
        {
            using var document = await JsonDocument.ParseAsync(http.Request.Body, cancellationToken: http.RequestAborted);
            return document.RootElement.TryGetProperty("body", out var body) && body.ValueKind == JsonValueKind.String ? body.GetString() : null;
        }
        catch (JsonException)
        {
            return null;
        }
    }

    /// <summary>One page of <paramref name="items"/> per <c>per_page</c> and <c>page</c>, with GitHub's <c>Link</c> header.</summary>
    static JsonArray Page(HttpContext http, GitHubWorld world, string baseUrl, IReadOnlyList<JsonNode> items)
    {
        var perPage = int.TryParse(http.Request.Query["per_page"], CultureInfo.InvariantCulture, out var asked) && asked > 0 ? asked : 30;
        perPage = Math.Min(perPage, world.MaxPageSize);
        var page = int.TryParse(http.Request.Query["page"], CultureInfo.InvariantCulture, out var p) && p > 0 ? p : 1;
        var last = Math.Max(1, (items.Count + perPage - 1) / perPage);
        if (page < last)
        {
            string Url(int n)
            {
                var query = http.Request.Query
                    .Where(q => q.Key != "page")
                    .Select(q => $"{Uri.EscapeDataString(q.Key)}={Uri.EscapeDataString(q.Value.ToString())}")
                    .Append($"page={n}");
                return $"<{baseUrl}{http.Request.Path}?{string.Join('&', query)}>";
            }
            http.Response.Headers["Link"] = $"{Url(page + 1)}; rel=\"next\", {Url(last)}; rel=\"last\"";
        }
        return new JsonArray(items.Skip((page - 1) * perPage).Take(perPage).Select(i => i.DeepClone()).ToArray());
    }

    static JsonObject RepositoryJson(RepositoryRecord repo) => new()
    {
        ["id"] = repo.Id,
        ["name"] = repo.FullName.Split('/')[1],
        ["full_name"] = repo.FullName,
        ["default_branch"] = repo.DefaultBranch,
    };

    static JsonObject RunJson(RepositoryRecord repo, RunRecord run) => new()
    {
        ["id"] = run.Id,
        ["name"] = run.Name,
        ["workflow_id"] = run.WorkflowId,
        ["head_sha"] = run.HeadSha,
        ["head_branch"] = run.HeadBranch,
        ["status"] = "completed",
        ["conclusion"] = run.Conclusion,
        ["run_attempt"] = run.Attempt,
        ["html_url"] = $"https://github.com/{repo.FullName}/actions/runs/{run.Id}",
        ["created_at"] = Timestamp(run.Created),
        ["repository"] = RepositoryJson(repo),
    };

    static JsonObject JobJson(RepositoryRecord repo, RunRecord run, JobRecord job) => new()
    {
        ["id"] = job.Id,
        ["run_id"] = job.RunId,
        ["run_attempt"] = job.Attempt,
        ["workflow_name"] = run.Name,
        ["head_sha"] = run.HeadSha,
        ["head_branch"] = run.HeadBranch,
        ["name"] = job.Name,
        ["status"] = "completed",
        ["conclusion"] = job.Conclusion,
        ["html_url"] = $"https://github.com/{repo.FullName}/actions/runs/{run.Id}/job/{job.Id}",
        ["steps"] = new JsonArray(),
    };

    static JsonObject PullJson(RepositoryRecord repo, PullRequestRecord pull) => new()
    {
        ["id"] = pull.Number + 500_000,
        ["number"] = pull.Number,
        ["state"] = pull.Open ? "open" : "closed",
        ["html_url"] = $"https://github.com/{repo.FullName}/pull/{pull.Number}",
        ["head"] = new JsonObject
        {
            ["ref"] = pull.HeadBranch,
            ["sha"] = pull.HeadSha,
            ["repo"] = new JsonObject { ["full_name"] = pull.HeadRepository },
        },
        ["base"] = new JsonObject { ["ref"] = pull.BaseBranch, ["repo"] = RepositoryJson(repo) },
    };

    static JsonObject CommentJson(RepositoryRecord repo, CommentRecord comment) => new()
    {
        ["id"] = comment.Id,
        ["body"] = comment.Body,
        ["user"] = new JsonObject { ["login"] = comment.Author, ["type"] = comment.Author.EndsWith("[bot]", StringComparison.Ordinal) ? "Bot" : "User" },
        ["created_at"] = Timestamp(comment.Created),
        ["updated_at"] = Timestamp(comment.Updated),
        ["html_url"] = $"https://github.com/{repo.FullName}/pull/{comment.Issue}#issuecomment-{comment.Id}",
    };

    static string Timestamp(DateTimeOffset time) => time.UtcDateTime.ToString("yyyy-MM-ddTHH:mm:ssZ", CultureInfo.InvariantCulture);

    static IResult Json(int status, JsonNode body) =>
        Results.Text(body.ToJsonString(), "application/json; charset=utf-8", statusCode: status);

    static IResult Error(int status, string message) =>
        Json(status, new JsonObject { ["message"] = message, ["documentation_url"] = "https://docs.github.com/rest", ["status"] = status.ToString(CultureInfo.InvariantCulture) });
}
