using Keel.Platform.Data;
using Keel.Platform.Jobs;
using Microsoft.EntityFrameworkCore;

namespace Keel.Platform.Billing;

/// <summary>An administrator's "try again" on a stored Stripe event: it becomes due now with a fresh set of attempts,
/// and the processor is woken. A processed event is left alone (applying it twice is what the store prevents).</summary>
internal static class StripeEventRetry
{
    public static async Task<bool> RetryAsync(KeelDbContext db, WorkSignal<StripeEventRecord> signal, TimeProvider time, string eventId, CancellationToken ct)
    {
        var now = time.GetUtcNow();
        var changed = await db.StripeEvents.Where(e => e.Id == eventId && e.Status != StripeEventStatus.Processed)
            .ExecuteUpdateAsync(s => s
                .SetProperty(e => e.Status, StripeEventStatus.Pending)
                .SetProperty(e => e.Attempts, 0)
                .SetProperty(e => e.NextAttemptAt, now)
                .SetProperty(e => e.LockedUntil, (DateTimeOffset?)null), ct);
        if (changed > 0) signal.Wake();
        return changed > 0;
    }
}
