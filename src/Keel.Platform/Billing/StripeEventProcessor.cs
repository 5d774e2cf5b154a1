using Keel.Platform.Data;
using Keel.Platform.Jobs;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Keel.Platform.Billing;

/// <summary>
/// Applies stored Stripe events. Each event is claimed with a lease (so instances never apply one twice at once),
/// applied in its own transaction, and marked processed in that same transaction; a failure is retried with
/// backoff. A crash between storing and applying leaves the event pending, and the next pass applies it.
/// </summary>
internal sealed class StripeEventProcessor(IServiceScopeFactory scopes, WorkSignal<StripeEventRecord> signal, TimeProvider time,
    ILogger<StripeEventProcessor> logger) : PollingWorker<StripeEventRecord>(signal, time, logger)
{
    private static readonly TimeSpan Lease = TimeSpan.FromMinutes(2);
    private const int MaxAttempts = 20;

    protected override TimeSpan PollInterval => TimeSpan.FromSeconds(5);

    /// <summary>Applies every event that is due now, oldest first; returns how many were attempted.</summary>
    public override async Task<int> ProcessDueAsync(CancellationToken ct)
    {
        List<string> due;
        var now = Time.GetUtcNow();
        await using (var scope = scopes.CreateAsyncScope())
        {
            due = await scope.ServiceProvider.GetRequiredService<KeelDbContext>().StripeEvents
                .Where(e => e.Status == StripeEventStatus.Pending && e.NextAttemptAt <= now && (e.LockedUntil == null || e.LockedUntil < now))
                .OrderBy(e => e.CreatedAt).Select(e => e.Id).Take(50).ToListAsync(ct);
        }
        foreach (var id in due) await ApplyAsync(id, ct);
        return due.Count;
    }

    private async Task ApplyAsync(string id, CancellationToken ct)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<KeelDbContext>();
        var now = Time.GetUtcNow();
        var leaseEnd = now + Lease;
        var claimed = await db.StripeEvents
            .Where(e => e.Id == id && e.Status == StripeEventStatus.Pending && (e.LockedUntil == null || e.LockedUntil < now))
            .ExecuteUpdateAsync(s => s.SetProperty(e => e.LockedUntil, leaseEnd), ct);
        if (claimed == 0) return;
        var record = await db.StripeEvents.SingleAsync(e => e.Id == id, ct);
        try
        {
            await using var transaction = await db.Database.BeginTransactionAsync(ct);
            await scope.ServiceProvider.GetRequiredService<StripeEventHandler>().HandleAsync(record, ct);
            record.Status = StripeEventStatus.Processed;
            record.ProcessedAt = Time.GetUtcNow();
            record.Attempts++;
            record.LockedUntil = null;
            record.LastError = null;
            await db.SaveChangesAsync(ct);
            await transaction.CommitAsync(ct);
        }
        catch (Exception e) when (!ct.IsCancellationRequested)
        {
            Logger.LogWarning(e, "Stripe event {EventId} ({Type}) failed on attempt {Attempt}", record.Id, record.Type, record.Attempts + 1);
            db.ChangeTracker.Clear();
            var attempts = record.Attempts + 1;
            var retryAt = Time.GetUtcNow() + TimeSpan.FromSeconds(Math.Min(3600, 5 * Math.Pow(2, attempts - 1)));
            var error = e.Message.Length > 1000 ? e.Message[..1000] : e.Message;
            await db.StripeEvents.Where(x => x.Id == id).ExecuteUpdateAsync(s => s
                .SetProperty(x => x.Attempts, attempts)
                .SetProperty(x => x.NextAttemptAt, retryAt)
                .SetProperty(x => x.LockedUntil, (DateTimeOffset?)null)
                .SetProperty(x => x.LastError, error)
                .SetProperty(x => x.Status, attempts >= MaxAttempts ? StripeEventStatus.Failed : StripeEventStatus.Pending), CancellationToken.None);
        }
    }
}
