using System.Text.Json.Nodes;

namespace Keel.FixCi.Tests.GitHub;

/// <summary>Builds <c>workflow_run</c> webhook bodies shaped like GitHub's (trimmed to the fields that matter).</summary>
internal static class WorkflowRunPayload
{
    public static JsonObject Completed(
        string conclusion = "failure",
        long runId = 30433642,
        string headSha = "acb5820ced9479c074f688cc328bf03f341a511d",
        string headBranch = "fix-parser",
        long workflowId = 159038,
        JsonArray? pullRequests = null,
        string action = "completed",
        string runStartedAt = "2026-11-23T10:00:00Z") => new()
    {
        ["action"] = action,
        ["workflow_run"] = new JsonObject
        {
            ["id"] = runId,
            ["name"] = "CI",
            ["head_branch"] = headBranch,
            ["head_sha"] = headSha,
            ["run_attempt"] = 1,
            ["run_started_at"] = runStartedAt,
            ["status"] = action == "completed" ? "completed" : "in_progress",
            ["conclusion"] = action == "completed" ? conclusion : null,
            ["workflow_id"] = workflowId,
            ["html_url"] = $"https://github.com/octo/widgets/actions/runs/{runId}",
            ["jobs_url"] = $"https://api.github.com/repos/octo/widgets/actions/runs/{runId}/jobs",
            ["logs_url"] = $"https://api.github.com/repos/octo/widgets/actions/runs/{runId}/logs",
            ["pull_requests"] = pullRequests ?? new JsonArray(),
            ["head_repository"] = new JsonObject { ["id"] = 99, ["full_name"] = "contributor/widgets" },
        },
        ["repository"] = new JsonObject
        {
            ["id"] = 1296269, ["full_name"] = "octo/widgets", ["default_branch"] = "main",
            ["owner"] = new JsonObject { ["login"] = "octo", ["type"] = "Organization" },
        },
        ["installation"] = new JsonObject { ["id"] = 42, ["node_id"] = "MDIzOkludGVncmF0aW9uSW5zdGFsbGF0aW9uMQ==" },
        ["sender"] = new JsonObject { ["login"] = "octocat" },
    };

    public static JsonObject PullRequest(int number, string baseRef = "main", string headSha = "acb5820ced9479c074f688cc328bf03f341a511d", long baseRepoId = 1296269) => new()
    {
        ["id"] = 934795,
        ["number"] = number,
        ["url"] = $"https://api.github.com/repos/octo/widgets/pulls/{number}",
        ["head"] = new JsonObject { ["ref"] = "fix-parser", ["sha"] = headSha, ["repo"] = new JsonObject { ["id"] = 1296269 } },
        ["base"] = new JsonObject { ["ref"] = baseRef, ["sha"] = "f0f0f0", ["repo"] = new JsonObject { ["id"] = baseRepoId } },
    };
}
