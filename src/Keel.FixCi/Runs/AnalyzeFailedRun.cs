using System.Net;
using Keel.FixCi.Analysis;
using Keel.FixCi.Comments;
using Keel.FixCi.Data;
using Keel.FixCi.GitHub;
using Keel.FixCi.Summaries;

namespace Keel.FixCi.Runs;

/// <summary>
/// Explains a failed workflow run on its pull request: installation token → the attempt's failed jobs → each job's
/// log, with the log of the same job in the last successful run on the base branch when there is one →
/// <see cref="LogAnalyzer"/> → (when a model is configured, <see cref="RewriteSummaries"/>) → FixCI's one comment on each pull request, created or updated. Keeps no state: call it
/// from a durable job; running it again for the same run updates the same comment.
/// </summary>
internal sealed class AnalyzeFailedRun(GitHubApi api, InstallationTokens tokens, UpsertPullRequestComment upsertComment,
    RewriteSummaries? rewriteSummaries = null)
{
    /// <exception cref="GitHubApiException">
    /// GitHub refused a request the analysis cannot do without (jobs, the failed log's redirect, the comment). On 401
    /// the installation's cached token is dropped first, so a retry starts with a new one.
    /// </exception>
    public async Task<FailedRunReport> RunAsync(WorkflowRunEvent run, CancellationToken cancellationToken = default) =>
        await RunAsync(run, CommentStyle.Full, cancellationToken);

    /// <inheritdoc cref="RunAsync(WorkflowRunEvent, CancellationToken)"/>
    public async Task<FailedRunReport> RunAsync(WorkflowRunEvent run, CommentStyle style, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(run);
        try
        {
            return await AnalyzeRunAsync(run, style, cancellationToken);
        }
        catch (GitHubApiException e) when (e.Status == HttpStatusCode.Unauthorized)
        {
            tokens.Forget(run.InstallationId);
            throw;
        }
    }

    private async Task<FailedRunReport> AnalyzeRunAsync(WorkflowRunEvent run, CommentStyle style, CancellationToken cancellationToken)
    {
        var token = await tokens.GetAsync(run.InstallationId, cancellationToken);
        var pullRequests = await PullRequestsAsync(token, run, cancellationToken);
        var failedJobs = (await api.ListJobsAsync(token, run.Repository, run.RunId, cancellationToken))
            .Where(job => job.Failed && (job.RunAttempt ?? run.RunAttempt) == run.RunAttempt)
            .ToArray();
        if (failedJobs.Length == 0)
        {
            // Cancelled or only skipped jobs, or a newer attempt already replaced these: nothing to explain.
            return new FailedRunReport([], []);
        }

        var baseBranch = pullRequests.FirstOrDefault()?.BaseBranch ?? run.DefaultBranch;
        var passingJobs = await PassingJobsAsync(token, run, baseBranch, cancellationToken);
        var analyses = new List<JobAnalysis>(failedJobs.Length);
        foreach (var job in failedJobs)
        {
            var passing = passingJobs.FirstOrDefault(p => p.Name == job.Name && p.Conclusion == "success");
            analyses.Add(await AnalyzeJobAsync(token, run.Repository, job, passing, baseBranch, cancellationToken));
        }

        var body = style == CommentStyle.Compact ? ReportComment.RenderCompact(run, analyses) : ReportComment.Render(run, analyses);
        var comments = new List<PostedComment>(pullRequests.Count);
        foreach (var pullRequest in pullRequests)
        {
            comments.Add(await upsertComment.RunAsync(token, run.Repository, pullRequest.Number, body, cancellationToken));
        }
        return new FailedRunReport(analyses, comments);
    }

    /// <summary>
    /// Says on the run's pull requests that the plan's analysis limit is reached, instead of analysing. A pull request
    /// whose FixCI comment already says so is left alone.
    /// </summary>
    public async Task<IReadOnlyList<PostedComment>> ReportQuotaReachedAsync(
        WorkflowRunEvent run, Uri? upgradeUrl, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(run);
        var token = await tokens.GetAsync(run.InstallationId, cancellationToken);
        var body = ReportComment.RenderQuotaReached(upgradeUrl, run);
        var comments = new List<PostedComment>();
        foreach (var pullRequest in await PullRequestsAsync(token, run, cancellationToken))
        {
            comments.Add(await upsertComment.RunAsync(token, run.Repository, pullRequest.Number, body, cancellationToken));
        }
        return comments;
    }

    private async Task<IReadOnlyList<PullRequestRef>> PullRequestsAsync(string token, WorkflowRunEvent run, CancellationToken cancellationToken)
    {
        if (run.PullRequests.Count > 0)
        {
            return run.PullRequests;
        }

        // GitHub leaves pull_requests empty for pull requests from forks.
        var found = await api.FindOpenPullRequestAsync(token, run.Repository, run.HeadSha, cancellationToken);
        return found is null ? [] : [found];
    }

    private async Task<IReadOnlyList<WorkflowJob>> PassingJobsAsync(
        string token, WorkflowRunEvent run, string branch, CancellationToken cancellationToken)
    {
        try
        {
            var passed = await api.FindLastSuccessfulRunAsync(token, run.Repository, run.WorkflowId, branch, cancellationToken);
            return passed is null ? [] : await api.ListJobsAsync(token, run.Repository, passed.Id, cancellationToken);
        }
        catch (GitHubApiException)
        {
            // The comparison only sharpens the analysis; without it the failed log is still analysed.
            return [];
        }
    }

    private async Task<JobAnalysis> AnalyzeJobAsync(
        string token, RepositoryName repository, WorkflowJob job, WorkflowJob? passing, string baseBranch, CancellationToken cancellationToken)
    {
        await using var failLog = await api.OpenJobLogAsync(token, repository, job.Id, cancellationToken);
        if (failLog is null)
        {
            return new JobAnalysis(job.Id, job.Name, job.HtmlUrl, null, null);
        }

        await using var passLog = passing is null ? null : await OpenPassLogAsync(token, repository, passing, cancellationToken);
        // The analyser reads synchronously; keep the blocking network reads off the caller's thread, and cancel them
        // by closing the streams under it.
        AnalysisResult result;
        using (cancellationToken.Register(() => { failLog.Dispose(); passLog?.Dispose(); }))
        {
            try
            {
                result = await Task.Run(() => LogAnalyzer.Analyze(failLog, passLog), cancellationToken);
            }
            catch (Exception e) when (cancellationToken.IsCancellationRequested && e is IOException or ObjectDisposedException)
            {
                throw new OperationCanceledException("The log analysis was cancelled.", e, cancellationToken);
            }
        }
        if (rewriteSummaries is not null)
        {
            result = await rewriteSummaries.RunAsync(result, cancellationToken);
        }
        return new JobAnalysis(job.Id, job.Name, job.HtmlUrl, result, result.UsedPassLog ? baseBranch : null);
    }

    private async Task<Stream?> OpenPassLogAsync(string token, RepositoryName repository, WorkflowJob passing, CancellationToken cancellationToken)
    {
        try
        {
            // A run that passed earlier has its log, or it has expired: one request tells.
            return await api.OpenJobLogAsync(token, repository, passing.Id, cancellationToken, attempts: 1);
        }
        catch (GitHubApiException)
        {
            return null;
        }
    }
}
