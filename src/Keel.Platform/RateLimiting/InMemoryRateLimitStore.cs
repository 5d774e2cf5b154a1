using System.Collections.Concurrent;

namespace Keel.Platform.RateLimiting;

internal sealed class InMemoryRateLimitStore(TimeProvider time) : RateLimitStore
{
    private sealed class Window(DateTimeOffset endsAt)
    {
        public readonly DateTimeOffset EndsAt = endsAt;
        public long Count;
    }

    private readonly ConcurrentDictionary<string, Window> _windows = new();
    private long _increments;

    public override ValueTask<(long Count, TimeSpan ResetIn)> IncrementAsync(string key, TimeSpan window)
    {
        var now = time.GetUtcNow();
        if (Interlocked.Increment(ref _increments) % 10_000 == 0) Sweep(now);
        while (true)
        {
            var current = _windows.GetOrAdd(key, _ => new Window(now + window));
            if (current.EndsAt <= now)
            {
                _windows.TryRemove(new KeyValuePair<string, Window>(key, current));
                continue;
            }
            return ValueTask.FromResult((Interlocked.Increment(ref current.Count), current.EndsAt - now));
        }
    }

    private void Sweep(DateTimeOffset now)
    {
        foreach (var pair in _windows)
            if (pair.Value.EndsAt <= now) _windows.TryRemove(pair);
    }
}
