namespace Keel.Platform.RateLimiting;

/// <summary>Fixed-window counters. One instance per process keeps them in memory; with Redis configured all
/// instances share one counter per key.</summary>
public abstract class RateLimitStore
{
    /// <summary>Counts one attempt against <paramref name="key"/> and returns the count in the current window and
    /// the time until that window ends.</summary>
    public abstract ValueTask<(long Count, TimeSpan ResetIn)> IncrementAsync(string key, TimeSpan window);
}
