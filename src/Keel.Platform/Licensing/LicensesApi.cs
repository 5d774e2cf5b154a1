using System.Security.Claims;
using Keel.Platform.Auth;
using Keel.Platform.Data;
using Keel.Platform.Http;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Keel.Platform.Licensing;

internal static class LicensesApi
{
    public static void MapLicensesApi(this RouteGroupBuilder api, IEndpointRouteBuilder root)
    {
        root.MapGet("/.well-known/jwks.json", async (OfflineTokens tokens, CancellationToken ct) => TypedResults.Json(await tokens.PublishedKeysAsync(ct)))
            .WithTags("Licenses").AllowAnonymous().WithSummary("Public keys that verify offline license tokens (JWKS)");

        var licenses = api.MapGroup("/licenses").WithTags("Licenses");
        licenses.MapPost("/validate", ValidateAsync).AllowAnonymous().Produces<ValidationResponse>()
            .WithSummary("Validate a key, optionally for a machine; a valid machine gets a signed offline token");
        licenses.MapPost("/activate", ActivateAsync).AllowAnonymous().Produces<ValidationResponse>(StatusCodes.Status201Created)
            .Produces<ValidationResponse>(StatusCodes.Status422UnprocessableEntity).WithSummary("Activate a machine on a license");
        licenses.MapPost("/deactivate", DeactivateAsync).AllowAnonymous().Produces(StatusCodes.Status204NoContent)
            .WithSummary("Deactivate a machine, from that machine or any other that holds the key");
        licenses.MapGet("/", ListAsync).Produces<IReadOnlyList<LicenseDto>>().WithSummary("The signed-in account's licenses and their machines");
        licenses.MapDelete("/{licenseId:guid}/machines/{machineId:guid}", RemoveMachineAsync).Produces(StatusCodes.Status204NoContent)
            .WithSummary("Deactivate a machine from the dashboard");
    }

    public sealed record ValidateRequest(string? Key, string? Fingerprint);
    public sealed record ActivateRequest(string? Key, string? Fingerprint, string? Name);
    public sealed record LicenseSummary(Guid Id, string Product, string Tier, string State, DateTimeOffset? ExpiresAt, int MaxMachines, int ActiveMachines);
    public sealed record ValidationResponse(bool Valid, string Code, string Detail, LicenseSummary? License, string? Token, DateTimeOffset? TokenExpiresAt);
    public sealed record MachineDto(Guid Id, string Fingerprint, string? Name, DateTimeOffset ActivatedAt, DateTimeOffset LastSeenAt);
    public sealed record LicenseDto(Guid Id, string Product, string Tier, string State, string KeyHint, DateTimeOffset? ExpiresAt, int MaxMachines,
        IReadOnlyList<MachineDto> Machines);

    internal static Validation ValidateInput(string? key, string? fingerprint, bool fingerprintRequired)
    {
        var validation = new Validation().Required("key", key, LicenseKeys.MaxLength);
        if (fingerprintRequired) validation.Required("fingerprint", fingerprint, MachineConfiguration.MaxFingerprint);
        else validation.Optional("fingerprint", fingerprint, MachineConfiguration.MaxFingerprint);
        return validation;
    }

    private static async Task<IResult> ValidateAsync(ValidateRequest request, Licenses licenses, LicenseTokens tokens, CancellationToken ct)
    {
        var validation = ValidateInput(request.Key, request.Fingerprint, fingerprintRequired: false);
        if (!validation.IsValid) return validation.ToResult();
        var result = await licenses.ValidateAsync(request.Key, request.Fingerprint, activate: false, product: null, ct);
        return TypedResults.Ok(await tokens.RespondAsync(result, ct));
    }

    private static async Task<IResult> ActivateAsync(ActivateRequest request, Licenses licenses, LicenseTokens tokens, KeelDbContext db, CancellationToken ct)
    {
        var validation = ValidateInput(request.Key, request.Fingerprint, fingerprintRequired: true).Optional("name", request.Name, 200);
        if (!validation.IsValid) return validation.ToResult();
        var result = await licenses.ValidateAsync(request.Key, request.Fingerprint, activate: true, product: null, ct);
        if (result is { Valid: true, Machine: { } machine } && request.Name is { Length: > 0 } name && machine.Name != name)
        {
            db.Machines.Attach(machine).Entity.Name = name.Trim();
            await db.SaveChangesAsync(ct);
        }
        var response = await tokens.RespondAsync(result, ct);
        return result.Valid
            ? TypedResults.Created((string?)null, response)
            : result.Code == LicenseValidation.Codes.NotFound
                ? Problems.NotFound("License")
                : TypedResults.Json(response, statusCode: StatusCodes.Status422UnprocessableEntity);
    }

    private static async Task<IResult> DeactivateAsync(ValidateRequest request, Licenses licenses, CancellationToken ct)
    {
        var validation = ValidateInput(request.Key, request.Fingerprint, fingerprintRequired: true);
        if (!validation.IsValid) return validation.ToResult();
        var result = await licenses.ValidateAsync(request.Key, null, activate: false, product: null, ct);
        if (result.License is null) return Problems.NotFound("License");
        return await licenses.DeactivateAsync(result.License, request.Fingerprint!, ct) ? TypedResults.NoContent() : Problems.NotFound("Machine");
    }

    internal static async Task<IReadOnlyList<LicenseDto>> ListAsync(ClaimsPrincipal user, KeelDbContext db, CancellationToken ct)
    {
        var me = user.AccountIdOf();
        var licenses = await db.Licenses.AsNoTracking().Where(l => l.AccountId == me).OrderBy(l => l.CreatedAt).ToListAsync(ct);
        var ids = licenses.Select(l => l.Id).ToList();
        var machines = await db.Machines.AsNoTracking().Where(m => ids.Contains(m.LicenseId)).ToListAsync(ct);
        return licenses.Select(l => new LicenseDto(l.Id, l.Product, l.Tier, l.State.ToString().ToLowerInvariant(), l.KeyHint, l.ExpiresAt, l.MaxMachines,
            machines.Where(m => m.LicenseId == l.Id).OrderByDescending(m => m.LastSeenAt)
                .Select(m => new MachineDto(m.Id, m.Fingerprint, m.Name, m.ActivatedAt, m.LastSeenAt)).ToList())).ToList();
    }

    internal static async Task<IResult> RemoveMachineAsync(Guid licenseId, Guid machineId, ClaimsPrincipal user, KeelDbContext db, Licenses licenses,
        CancellationToken ct)
    {
        var me = user.AccountIdOf();
        var license = await db.Licenses.FirstOrDefaultAsync(l => l.Id == licenseId && l.AccountId == me, ct);
        if (license is null) return Problems.NotFound("License");
        var machine = await db.Machines.AsNoTracking().FirstOrDefaultAsync(m => m.Id == machineId && m.LicenseId == licenseId, ct);
        if (machine is null) return Problems.NotFound("Machine");
        await licenses.DeactivateAsync(license, machine.Fingerprint, ct);
        return TypedResults.NoContent();
    }
}
