using Keel.Platform.Data;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using StackExchange.Redis;

namespace Keel.Platform.Http;

internal static class HealthApi
{
    public static void MapHealthApi(this IEndpointRouteBuilder app)
    {
        app.MapGet("/health", (TimeProvider time) => TypedResults.Ok(new HealthResponse("ok", time.GetUtcNow())))
            .WithTags("Health").AllowAnonymous().WithSummary("Liveness: the process answers");
        app.MapGet("/health/ready", ReadyAsync).WithTags("Health").AllowAnonymous()
            .Produces<ReadinessResponse>().Produces<ReadinessResponse>(StatusCodes.Status503ServiceUnavailable)
            .WithSummary("Readiness: the database (and Redis, when configured) answer");
    }

    public sealed record HealthResponse(string Status, DateTimeOffset Timestamp);
    public sealed record ReadinessResponse(string Status, DateTimeOffset Timestamp, IReadOnlyDictionary<string, string> Checks);

    private static async Task<IResult> ReadyAsync(KeelDbContext db, IServiceProvider services, TimeProvider time, CancellationToken ct)
    {
        var checks = new Dictionary<string, string>();
        try
        {
            checks["database"] = await db.Database.CanConnectAsync(ct) ? "ok" : "unreachable";
        }
        catch (Exception)
        {
            checks["database"] = "unreachable";
        }
        if (services.GetService<IConnectionMultiplexer>() is { } redis)
        {
            try
            {
                await redis.GetDatabase().PingAsync();
                checks["redis"] = "ok";
            }
            catch (Exception)
            {
                checks["redis"] = "unreachable";
            }
        }
        var ready = checks.Values.All(v => v == "ok");
        return TypedResults.Json(new ReadinessResponse(ready ? "ready" : "unavailable", time.GetUtcNow(), checks),
            statusCode: ready ? StatusCodes.Status200OK : StatusCodes.Status503ServiceUnavailable);
    }
}
