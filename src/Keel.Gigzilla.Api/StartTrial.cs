using Keel.Platform;
using Keel.Platform.Licensing;
using Keel.Platform.RateLimiting;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Options;

namespace Keel.Gigzilla.Api;

/// <summary>
/// Seed 001: <c>POST /api/start-trial {email, machineId}</c> → <c>{success, licenseKey, validUntil}</c>, or 400
/// <c>{success: false, error}</c>. Differences from the seed: the key has 150 random bits instead of a UUID and is
/// stored only as a hash; it is also emailed to the address, which is how a key is recovered.
/// </summary>
internal static class StartTrial
{
    public static void MapStartTrial(this RouteGroupBuilder gigzilla) => gigzilla.MapPost("/api/start-trial", HandleAsync);

    public sealed record Request(string? Email, string? MachineId);

    private static async Task<IResult> HandleAsync(Request request, HttpContext http, Licenses licenses, RateLimits limits,
        IOptions<KeelOptions> options, CancellationToken ct)
    {
        if (string.IsNullOrWhiteSpace(request.Email) || string.IsNullOrWhiteSpace(request.MachineId))
            return Failure("Email and machine ID required");
        if (SeedInput.Invalid(request.Email, request.MachineId) is { } problem) return Failure(problem);
        var decision = await limits.AcquireAsync("gigzilla-trial", RateLimits.ClientIp(http), options.Value.Limits.LoginPerIp);
        if (!decision.IsAllowed) return decision.ToResult(http);

        var started = await licenses.StartTrialAsync(request.Email, GigzillaModule.Product, request.MachineId, ct);
        if (started is null) return Failure("Email already registered");
        return TypedResults.Ok(new { success = true, licenseKey = started.Key, validUntil = started.License.ExpiresAt });
    }

    private static IResult Failure(string error) => TypedResults.BadRequest(new { success = false, error });
}
