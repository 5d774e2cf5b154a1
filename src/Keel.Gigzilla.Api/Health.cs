using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace Keel.Gigzilla.Api;

internal static class Health
{
    /// <summary>Seed 001: <c>GET /health</c> → <c>{status: 'ok', timestamp}</c>.</summary>
    public static void MapHealth(this RouteGroupBuilder gigzilla) =>
        gigzilla.MapGet("/health", (TimeProvider time) => TypedResults.Ok(new { status = "ok", timestamp = time.GetUtcNow() }));
}
