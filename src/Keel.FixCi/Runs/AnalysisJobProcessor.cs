using Keel.FixCi.Data;
using Keel.FixCi.GitHub;
using Keel.FixCi.Installations;
using Keel.Platform.Data;
using Keel.Platform.Jobs;
using Keel.Platform.Usage;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Keel.FixCi.Runs;

/// <summary>
/// Runs stored analysis jobs: claims one with a lease, records the installation and repository it names, skips it when
/// the repository is turned off, counts it against the plan of the installation's organization (or the installation's
/// own free plan until it is linked; once per run attempt, by idempotency key), then analyses and comments in the
/// repository's comment style, or says on the pull request that the plan's limit is reached.
/// Failures are retried with backoff; after <see cref="MaxAttempts"/> the job is marked failed.
/// </summary>
internal sealed class AnalysisJobProcessor(IServiceScopeFactory scopes, AnalyzeFailedRun analysis, WorkSignal<AnalysisJob> signal,
    TimeProvider time, ILogger<AnalysisJobProcessor> logger) : PollingWorker<AnalysisJob>(signal, time, logger)
{
    /// <summary>The plan limit (in <c>plans.json</c>) that failed runs count against.</summary>
    public const string AnalysesFeature = "analyses_per_month";

    private const int MaxAttempts = 8;
    private static readonly TimeSpan Lease = TimeSpan.FromMinutes(10);

    protected override TimeSpan PollInterval => TimeSpan.FromSeconds(5);

    public override async Task<int> ProcessDueAsync(CancellationToken ct)
    {
        List<Guid> due;
        var now = Time.GetUtcNow();
        await using (var scope = scopes.CreateAsyncScope())
        {
            due = await scope.ServiceProvider.GetRequiredService<KeelDbContext>().Set<AnalysisJob>()
                .Where(j => j.Status == AnalysisJobStatus.Pending && j.NextAttemptAt <= now && (j.LockedUntil == null || j.LockedUntil < now))
                .OrderBy(j => j.CreatedAt).Select(j => j.Id).Take(10).ToListAsync(ct);
        }
        foreach (var id in due) await RunAsync(id, ct);
        return due.Count;
    }

    private async Task RunAsync(Guid id, CancellationToken ct)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<KeelDbContext>();
        var now = Time.GetUtcNow();
        var leaseEnd = now + Lease;
        var claimed = await db.Set<AnalysisJob>()
            .Where(j => j.Id == id && j.Status == AnalysisJobStatus.Pending && (j.LockedUntil == null || j.LockedUntil < now))
            .ExecuteUpdateAsync(s => s.SetProperty(j => j.LockedUntil, leaseEnd), ct);
        if (claimed == 0) return;
        var job = await db.Set<AnalysisJob>().SingleAsync(j => j.Id == id, ct);
        job.Attempts++;
        try
        {
            if (WebhookPayload.Parse("workflow_run", System.Text.Encoding.UTF8.GetBytes(job.Payload)) is not ParsedWebhook.Analyze { Run: var run })
                throw new InvalidOperationException("The stored webhook is no longer an analysable workflow run.");
            // Saved at once in its own unit of work: an installation webhook creating the same new installation
            // meanwhile then costs a retry of this small save, not the whole job after its comment was posted.
            await using (var observing = scopes.CreateAsyncScope())
            {
                var observed = observing.ServiceProvider.GetRequiredService<KeelDbContext>();
                await RecordInstallation.SaveAsync(observed, () => RecordInstallation.ObserveRunAsync(observed, run, now, ct), ct);
            }
            var (installation, repository) = await RecordInstallation.ObserveRunAsync(db, run, now, ct);
            if (repository is { Enabled: false } || installation.SuspendedAt is not null || installation.DeletedAt is not null)
            {
                job.Outcome = repository is { Enabled: false } ? "skipped: FixCI is turned off for this repository" : "skipped: the installation is suspended or removed";
                Complete(job);
                await db.SaveChangesAsync(CancellationToken.None);
                return;
            }

            var quotas = scope.ServiceProvider.GetRequiredService<Quotas>();
            var use = await quotas.UseAsync(installation.QuotaOwner, FixCiModule.Product, AnalysesFeature, 1,
                $"run-{run.Repository}-{run.RunId}-{run.RunAttempt}", ct);
            if (use.Allowed)
            {
                var report = await analysis.RunAsync(run, repository?.CommentStyle ?? CommentStyle.Full, ct);
                job.Outcome = $"analysed {report.JobsAnalyzed} job(s), {report.Comments.Count} comment(s)";
            }
            else
            {
                await analysis.ReportQuotaReachedAsync(run, null, ct);
                job.Outcome = $"plan limit reached ({use.Standing.Limit} analyses this month)";
            }
            Complete(job);
        }
        catch (Exception e) when (!ct.IsCancellationRequested)
        {
            Logger.LogWarning(e, "FixCI job {JobId} for {Repository} run {RunId} failed on attempt {Attempt}", job.Id, job.Repository, job.RunId, job.Attempts);
            job.LastError = e.Message.Length > 1000 ? e.Message[..1000] : e.Message;
            job.NextAttemptAt = Time.GetUtcNow() + TimeSpan.FromSeconds(Math.Min(3600, 10 * Math.Pow(2, job.Attempts - 1)));
            if (job.Attempts >= MaxAttempts) job.Status = AnalysisJobStatus.Failed;
        }
        job.LockedUntil = null;
        await db.SaveChangesAsync(CancellationToken.None);
    }

    private void Complete(AnalysisJob job)
    {
        job.Status = AnalysisJobStatus.Done;
        job.CompletedAt = Time.GetUtcNow();
        job.LastError = null;
        job.LockedUntil = null;
    }
}
