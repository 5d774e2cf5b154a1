using System.Collections.Concurrent;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.Caching.Memory;

namespace Keel.Platform.Licensing;

/// <summary>
/// Answers a machine's repeated validations from memory. A client validating in a loop (or thousands of clients
/// validating every few minutes) would otherwise cost two or three queries each time for an answer that cannot have
/// changed: only VALID answers for an already activated machine are kept, and only until the machine's last-seen time
/// is due to be written again (<see cref="Licenses.LastSeenPrecision"/>), so "last seen" keeps its precision.
/// </summary>
/// <remarks>
/// Any change to a license or its machines saved through this server drops the license's answers at once (the
/// <see cref="Invalidator"/> watches SaveChanges; bulk deletes call <see cref="Invalidate"/>). A change made by another
/// server instance on the same database is seen here within that same minute at most.
/// </remarks>
public sealed class ValidationCache(TimeProvider time)
{
    private const int PruneAbove = 10_000;

    private readonly MemoryCache _answers = new(new MemoryCacheOptions { SizeLimit = 200_000 });
    // Per license: how many times it changed, and when it last did. A record older than an answer's lifetime can go,
    // since every answer remembered before that change has expired by then.
    private readonly Dictionary<Guid, (long Generation, DateTimeOffset At)> _generations = [];
    private readonly ConcurrentDictionary<(string, string), TaskCompletionSource> _loading = new();
    private readonly Lock _lock = new();
    private long _epoch;

    private sealed record Entry(LicenseValidation Answer, string NormalizedEmail, long Generation, DateTimeOffset Until);

    /// <summary>Read before loading a license: an answer loaded while any license changed is not remembered.</summary>
    internal long Epoch => Interlocked.Read(ref _epoch);

    internal LicenseValidation? Find(byte[] keyHash, string fingerprint, DateTimeOffset now, out string? normalizedEmail)
    {
        normalizedEmail = null;
        if (!_answers.TryGetValue(KeyOf(keyHash, fingerprint), out Entry? entry) || entry is null) return null;
        var license = entry.Answer.License!;
        if (now >= entry.Until || license.ExpiresAt <= now || entry.Generation != Generation(license.Id)) return null;
        normalizedEmail = entry.NormalizedEmail;
        // Callers may attach the machine to their context (to rename it); each gets its own instance.
        var machine = entry.Answer.Machine!;
        return entry.Answer with
        {
            Machine = new Machine
            {
                Id = machine.Id, LicenseId = machine.LicenseId, Fingerprint = machine.Fingerprint, Name = machine.Name,
                ActivatedAt = machine.ActivatedAt, LastSeenAt = machine.LastSeenAt,
            },
        };
    }

    internal void Remember(byte[] keyHash, string fingerprint, string normalizedEmail, LicenseValidation answer, long epochBeforeLoad)
    {
        if (!answer.Valid || answer.License is not { } license || answer.Machine is not { } machine) return;
        var until = machine.LastSeenAt + Licenses.LastSeenPrecision;
        lock (_lock)
        {
            if (_epoch != epochBeforeLoad) return;
            _answers.Set(KeyOf(keyHash, fingerprint), new Entry(answer, normalizedEmail, _generations.GetValueOrDefault(license.Id).Generation, until),
                new MemoryCacheEntryOptions { Size = 1, AbsoluteExpirationRelativeToNow = Licenses.LastSeenPrecision });
        }
    }

    /// <summary>
    /// Lets one validation of a machine at a time go to the database. When an answer expires, every request in flight
    /// for that machine misses at once; the first loads it and the others wait for it (<paramref name="loading"/>) and
    /// then look again, instead of all running the same queries. Dispose the result when the answer is remembered.
    /// </summary>
    internal IDisposable? BeginLoad(byte[] keyHash, string fingerprint, out Task? loading)
    {
        var key = KeyOf(keyHash, fingerprint);
        var mine = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var current = _loading.GetOrAdd(key, mine);
        if (current != mine)
        {
            loading = current.Task;
            return null;
        }
        loading = null;
        return new Load(this, key, mine);
    }

    private sealed class Load(ValidationCache cache, (string, string) key, TaskCompletionSource done) : IDisposable
    {
        public void Dispose()
        {
            cache._loading.TryRemove(new KeyValuePair<(string, string), TaskCompletionSource>(key, done));
            done.TrySetResult();
        }
    }

    /// <summary>Forgets every remembered answer of a license (its state, plan or machines changed).</summary>
    public void Invalidate(Guid licenseId)
    {
        var now = time.GetUtcNow();
        lock (_lock)
        {
            _epoch++;
            _generations[licenseId] = (_generations.GetValueOrDefault(licenseId).Generation + 1, now);
            if (_generations.Count > PruneAbove)
            {
                var before = now - 2 * Licenses.LastSeenPrecision;
                foreach (var (id, record) in _generations)
                {
                    if (record.At < before) _generations.Remove(id);
                }
            }
        }
    }

    private static (string, string) KeyOf(byte[] keyHash, string fingerprint) => (Convert.ToBase64String(keyHash), fingerprint);

    private long Generation(Guid licenseId)
    {
        lock (_lock) return _generations.GetValueOrDefault(licenseId).Generation;
    }

    /// <summary>Invalidates the licenses whose rows (or whose machines' rows) a SaveChanges writes, before and after the write.</summary>
    internal sealed class Invalidator(ValidationCache cache) : SaveChangesInterceptor
    {
        public override ValueTask<InterceptionResult<int>> SavingChangesAsync(DbContextEventData eventData, InterceptionResult<int> result,
            CancellationToken cancellationToken = default)
        {
            InvalidateChanged(eventData.Context);
            return base.SavingChangesAsync(eventData, result, cancellationToken);
        }

        public override InterceptionResult<int> SavingChanges(DbContextEventData eventData, InterceptionResult<int> result)
        {
            InvalidateChanged(eventData.Context);
            return base.SavingChanges(eventData, result);
        }

        // After the write as well: a validation that loaded the old row between the first invalidation and the commit
        // must not stay remembered.
        public override ValueTask<int> SavedChangesAsync(SaveChangesCompletedEventData eventData, int result, CancellationToken cancellationToken = default)
        {
            InvalidateTracked(eventData.Context);
            return base.SavedChangesAsync(eventData, result, cancellationToken);
        }

        public override int SavedChanges(SaveChangesCompletedEventData eventData, int result)
        {
            InvalidateTracked(eventData.Context);
            return base.SavedChanges(eventData, result);
        }

        private void InvalidateChanged(DbContext? context)
        {
            if (context is null) return;
            foreach (var entry in context.ChangeTracker.Entries())
            {
                if (entry.State is EntityState.Unchanged or EntityState.Detached) continue;
                if (LicenseOf(entry.Entity) is { } id) cache.Invalidate(id);
            }
        }

        private void InvalidateTracked(DbContext? context)
        {
            if (context is null) return;
            foreach (var entry in context.ChangeTracker.Entries())
            {
                if (LicenseOf(entry.Entity) is { } id) cache.Invalidate(id);
            }
        }

        private static Guid? LicenseOf(object entity) => entity switch
        {
            License license => license.Id,
            Machine machine => machine.LicenseId,
            _ => null,
        };
    }
}
