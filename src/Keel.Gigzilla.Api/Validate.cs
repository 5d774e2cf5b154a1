using Keel.Platform.Licensing;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace Keel.Gigzilla.Api;

/// <summary>
/// Seed 001: <c>POST /api/validate {email, licenseKey, machineId}</c> → <c>{valid: true, status, tier, validUntil}</c>
/// or <c>{valid: false, reason}</c> (with <c>maxDevices</c> and <c>activeDevices</c> at the device limit). A new
/// machine is activated while a seat is free, as in the seed. Additions: <c>code</c> (Keygen-style validation code)
/// and, when valid, <c>token</c>: an ES256 offline token verifiable against <c>/.well-known/jwks.json</c>.
/// Differences: a canceled subscription stays valid (status "cancelled") through its 7-day grace period, which the
/// seed intended but its order of checks prevented; machines unseen for 30 days no longer hold a seat.
/// </summary>
internal static class Validate
{
    public static void MapValidate(this RouteGroupBuilder gigzilla) => gigzilla.MapPost("/api/validate", HandleAsync);

    public sealed record Request(string? Email, string? LicenseKey, string? MachineId);

    private static async Task<IResult> HandleAsync(Request request, Licenses licenses, LicenseTokens tokens, CancellationToken ct)
    {
        if (string.IsNullOrWhiteSpace(request.Email) || string.IsNullOrWhiteSpace(request.LicenseKey) || string.IsNullOrWhiteSpace(request.MachineId))
            return TypedResults.BadRequest(new { valid = false, reason = "Missing required fields" });
        if (SeedInput.Invalid(request.Email, request.MachineId) is { } problem)
            return TypedResults.BadRequest(new { valid = false, reason = problem });

        var result = await licenses.ValidateAsync(request.LicenseKey, request.MachineId, activate: true, GigzillaModule.Product, ct, request.Email);
        return result.Code switch
        {
            LicenseValidation.Codes.Valid => TypedResults.Ok(await ValidAsync(result, tokens, ct)),
            LicenseValidation.Codes.Expired => Invalid("License expired", result.Code),
            LicenseValidation.Codes.Suspended => Invalid("License inactive", result.Code),
            LicenseValidation.Codes.TooManyMachines => TypedResults.Ok(new
            {
                valid = false, reason = "Device limit reached", code = result.Code,
                maxDevices = result.License!.MaxMachines, activeDevices = result.ActiveMachines,
            }),
            _ => Invalid("License not found", LicenseValidation.Codes.NotFound),
        };
    }

    private static async Task<object> ValidAsync(LicenseValidation result, LicenseTokens tokens, CancellationToken ct)
    {
        var license = result.License!;
        var (token, expiresAt) = await tokens.IssueAsync(license, result.Machine?.Fingerprint, ct, result.AccountEmail);
        return new
        {
            valid = true,
            status = Licenses.SeedStatus(license),
            tier = license.Tier,
            validUntil = license.ExpiresAt,
            code = result.Code,
            token,
            tokenExpiresAt = expiresAt,
        };
    }

    private static IResult Invalid(string reason, string code) => TypedResults.Ok(new { valid = false, reason, code });
}
