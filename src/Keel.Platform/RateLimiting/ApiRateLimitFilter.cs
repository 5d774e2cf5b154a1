using Keel.Platform.Auth;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Options;

namespace Keel.Platform.RateLimiting;

/// <summary>The general API limit: per API key (or per account for sessions and JWTs) when authenticated, per IP
/// otherwise.</summary>
internal sealed class ApiRateLimitFilter(RateLimits limits, IOptions<KeelOptions> options) : IEndpointFilter
{
    public async ValueTask<object?> InvokeAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        var http = context.HttpContext;
        var user = http.User;
        var decision = user.Identity?.IsAuthenticated == true
            ? await limits.AcquireAsync("api", PartitionOf(user), options.Value.Limits.Api)
            : await limits.AcquireAsync("anon", RateLimits.ClientIp(http), options.Value.Limits.Anonymous);
        return decision.IsAllowed ? await next(context) : decision.ToResult(http);
    }

    private static string PartitionOf(System.Security.Claims.ClaimsPrincipal user) =>
        user.FindFirst(KeelClaims.Method)?.Value == "api_key"
            ? "key:" + user.FindFirst(KeelClaims.CredentialId)!.Value
            : "account:" + user.FindFirst(KeelClaims.AccountId)!.Value;
}

public static class RateLimitEndpointExtensions
{
    /// <summary>Applies the platform's general limit (per API key or account, per IP when anonymous) to these endpoints.</summary>
    public static TBuilder WithKeelRateLimit<TBuilder>(this TBuilder builder) where TBuilder : IEndpointConventionBuilder =>
        builder.AddEndpointFilter<TBuilder, ApiRateLimitFilter>();
}
