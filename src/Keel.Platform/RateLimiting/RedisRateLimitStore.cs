using StackExchange.Redis;

namespace Keel.Platform.RateLimiting;

/// <summary>One counter per key in Redis, incremented and given its expiry atomically by a Lua script, so the limit
/// holds across every server instance.</summary>
internal sealed class RedisRateLimitStore(IConnectionMultiplexer redis) : RateLimitStore
{
    private static readonly LuaScript Script = LuaScript.Prepare("""
        local count = redis.call('INCR', @key)
        local ttl = redis.call('PTTL', @key)
        if ttl < 0 then
          redis.call('PEXPIRE', @key, @window)
          ttl = tonumber(@window)
        end
        return { count, ttl }
        """);

    public override async ValueTask<(long Count, TimeSpan ResetIn)> IncrementAsync(string key, TimeSpan window)
    {
        var result = (RedisResult[])(await redis.GetDatabase().ScriptEvaluateAsync(
            Script, new { key = (RedisKey)key, window = (long)window.TotalMilliseconds }))!;
        return ((long)result[0], TimeSpan.FromMilliseconds((long)result[1]));
    }
}
