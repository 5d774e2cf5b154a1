using Keel.Platform.Accounts;
using Keel.Platform.Data;
using Keel.Platform.Licensing;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Keel.Platform;

namespace Keel.Gigzilla.Api;

/// <summary>
/// Seed 001: <c>GET /api/license-info?email=</c> → <c>{email, status, tier, valid_until, max_devices, active_devices}</c>.
/// Closing the seed's hole: it answered anyone who knew an email. Now the caller proves ownership with the license
/// key (<c>licenseKey</c> query parameter or <c>X-License-Key</c> header) or a valid offline token for that email
/// (<c>Authorization: Bearer</c>); without proof the answer is 401, with a wrong one 404 (nothing is revealed).
/// </summary>
internal static class LicenseInfo
{
    public static void MapLicenseInfo(this RouteGroupBuilder gigzilla) => gigzilla.MapGet("/api/license-info", HandleAsync);

    private static async Task<IResult> HandleAsync(string? email, string? licenseKey, HttpContext http, KeelDbContext db, Licenses licenses,
        OfflineTokens tokens, IOptions<KeelOptions> options, TimeProvider time, CancellationToken ct)
    {
        if (string.IsNullOrWhiteSpace(email)) return TypedResults.BadRequest(new { error = "Email required" });
        licenseKey ??= http.Request.Headers["X-License-Key"].ToString() is { Length: > 0 } header ? header : null;
        var bearer = http.Request.Headers.Authorization.ToString() is { } auth && auth.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase)
            ? auth["Bearer ".Length..].Trim()
            : null;
        if (licenseKey is null && bearer is null)
            return TypedResults.Json(new { error = "License key or token required" }, statusCode: StatusCodes.Status401Unauthorized);

        License? license = null;
        if (licenseKey is not null)
        {
            license = (await licenses.ValidateAsync(licenseKey, null, activate: false, GigzillaModule.Product, ct, email)).License;
        }
        else if (bearer is not null && await tokens.VerifyAsync(bearer, GigzillaModule.Product, ct) is { } token
            && token.TryGetPayloadValue<string>("email", out var tokenEmail)
            && EmailAddress.Normalize(tokenEmail) == EmailAddress.Normalize(email)
            && Guid.TryParse(token.Subject, out var licenseId))
        {
            license = await db.Licenses.AsNoTracking().FirstOrDefaultAsync(l => l.Id == licenseId, ct);
        }
        if (license is null) return TypedResults.NotFound(new { error = "License not found" });

        var activeSince = time.GetUtcNow() - options.Value.Licensing.MachineInactiveAfter;
        var activeDevices = await db.Machines.CountAsync(m => m.LicenseId == license.Id && m.LastSeenAt > activeSince, ct);
        var accountEmail = await db.Accounts.Where(a => a.Id == license.AccountId).Select(a => a.Email).SingleAsync(ct);
        return TypedResults.Ok(new
        {
            email = accountEmail,
            status = Licenses.SeedStatus(license),
            tier = license.Tier,
            valid_until = license.ExpiresAt,
            max_devices = license.MaxMachines,
            active_devices = activeDevices,
        });
    }
}
