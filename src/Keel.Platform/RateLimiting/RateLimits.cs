using System.Security.Cryptography;
using System.Text;
using Microsoft.AspNetCore.Http;

namespace Keel.Platform.RateLimiting;

/// <summary>Checks named limits. Partition keys (emails, IPs) are hashed before they reach the store, so Redis never
/// holds personal data.</summary>
public sealed class RateLimits(RateLimitStore store)
{
    public async ValueTask<RateLimitDecision> AcquireAsync(string policy, string partition, RateLimitRule rule)
    {
        var hash = Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(partition)), 0, 16);
        var (count, resetIn) = await store.IncrementAsync($"keel:rl:{policy}:{hash}", rule.Window);
        return count <= rule.Permits ? RateLimitDecision.Allowed : new RateLimitDecision(false, resetIn);
    }

    public static string ClientIp(HttpContext context) => context.Connection.RemoteIpAddress?.ToString() ?? "unknown";
}

public sealed record RateLimitDecision(bool IsAllowed, TimeSpan RetryAfter)
{
    public static readonly RateLimitDecision Allowed = new(true, TimeSpan.Zero);

    /// <summary>429 with <c>Retry-After</c> in whole seconds, rounded up.</summary>
    public IResult ToResult(HttpContext context)
    {
        var seconds = Math.Max(1, (int)Math.Ceiling(RetryAfter.TotalSeconds));
        context.Response.Headers.RetryAfter = seconds.ToString(System.Globalization.CultureInfo.InvariantCulture);
        return TypedResults.Problem(
            statusCode: StatusCodes.Status429TooManyRequests,
            title: "Too many requests",
            detail: $"Rate limit reached. Try again in {seconds} seconds.");
    }
}
