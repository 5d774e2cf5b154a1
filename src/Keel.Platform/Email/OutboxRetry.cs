using Keel.Platform.Data;
using Keel.Platform.Jobs;
using Microsoft.EntityFrameworkCore;

namespace Keel.Platform.Email;

/// <summary>An administrator's "send again" on a message the mail server refused: it is queued and due now.</summary>
internal static class OutboxRetry
{
    public static async Task<bool> RetryAsync(KeelDbContext db, WorkSignal<OutboxMessage> signal, TimeProvider time, Guid messageId, CancellationToken ct)
    {
        var now = time.GetUtcNow();
        var changed = await db.OutboxMessages.Where(m => m.Id == messageId && m.Status == OutboxStatus.Failed)
            .ExecuteUpdateAsync(s => s
                .SetProperty(m => m.Status, OutboxStatus.Queued)
                .SetProperty(m => m.NextAttemptAt, now)
                .SetProperty(m => m.LockedUntil, (DateTimeOffset?)null), ct);
        if (changed > 0) signal.Wake();
        return changed > 0;
    }
}
