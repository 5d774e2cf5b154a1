using System.Security.Claims;
using Keel.Platform.Audit;
using Keel.Platform.Auth;
using Keel.Platform.Data;
using Keel.Platform.Http;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;

namespace Keel.Platform.ApiKeys;

internal static class ApiKeysApi
{
    public static void MapApiKeysApi(this RouteGroupBuilder api)
    {
        var keys = api.MapGroup("/api-keys").WithTags("API keys");
        keys.MapPost("/", CreateAsync).Produces<CreatedApiKey>(StatusCodes.Status201Created)
            .WithSummary("Create an API key; the secret is in this response only");
        keys.MapGet("/", ListAsync).Produces<IReadOnlyList<ApiKeyDto>>().WithSummary("The account's active API keys (never their secrets)");
        keys.MapDelete("/{id:guid}", RevokeAsync).Produces(StatusCodes.Status204NoContent).WithSummary("Revoke an API key");
        keys.MapPost("/{id:guid}/regenerate", RegenerateAsync).Produces<CreatedApiKey>()
            .WithSummary("Replace a key's secret; the old secret stops working at once");
    }

    public sealed record CreateApiKeyRequest(string? Name);
    public sealed record ApiKeyDto(Guid Id, string Name, string Prefix, DateTimeOffset CreatedAt, DateTimeOffset? LastUsedAt);
    public sealed record CreatedApiKey(Guid Id, string Name, string Prefix, DateTimeOffset CreatedAt, string Secret);

    internal static async Task<IResult> CreateAsync(CreateApiKeyRequest request, ClaimsPrincipal user, KeelDbContext db, TimeProvider time,
        AuditLog audit, CancellationToken ct)
    {
        var validation = new Validation().Required("name", request.Name, Limits.Name);
        if (!validation.IsValid) return validation.ToResult();
        var me = user.AccountIdOf();
        var secret = ApiKeyFormat.NewSecret();
        var key = new ApiKey
        {
            Id = Ids.New(time),
            AccountId = me,
            Name = request.Name!.Trim(),
            Prefix = ApiKeyFormat.DisplayPrefix(secret),
            SecretHash = Tokens.Hash(secret),
            CreatedAt = time.GetUtcNow(),
        };
        db.ApiKeys.Add(key);
        audit.Record(AuditActions.ApiKeyCreated, me, target: key.Prefix);
        await db.SaveChangesAsync(ct);
        return TypedResults.Created($"/api/v1/api-keys/{key.Id}", new CreatedApiKey(key.Id, key.Name, key.Prefix, key.CreatedAt, secret));
    }

    internal static async Task<IReadOnlyList<ApiKeyDto>> ListAsync(ClaimsPrincipal user, KeelDbContext db, CancellationToken ct)
    {
        var me = user.AccountIdOf();
        return await db.ApiKeys.AsNoTracking()
            .Where(k => k.AccountId == me && k.RevokedAt == null)
            .OrderBy(k => k.CreatedAt)
            .Select(k => new ApiKeyDto(k.Id, k.Name, k.Prefix, k.CreatedAt, k.LastUsedAt))
            .ToListAsync(ct);
    }

    internal static async Task<IResult> RevokeAsync(Guid id, ClaimsPrincipal user, KeelDbContext db, TimeProvider time, AuditLog audit,
        ApiKeyAuthenticator authenticator, CancellationToken ct)
    {
        var me = user.AccountIdOf();
        var key = await db.ApiKeys.FirstOrDefaultAsync(k => k.Id == id && k.AccountId == me && k.RevokedAt == null, ct);
        if (key is null) return Problems.NotFound("API key");
        key.RevokedAt = time.GetUtcNow();
        audit.Record(AuditActions.ApiKeyRevoked, me, target: key.Prefix);
        await db.SaveChangesAsync(ct);
        authenticator.Forget(key.Id);
        return TypedResults.NoContent();
    }

    private static async Task<IResult> RegenerateAsync(Guid id, ClaimsPrincipal user, KeelDbContext db, AuditLog audit,
        ApiKeyAuthenticator authenticator, CancellationToken ct)
    {
        var me = user.AccountIdOf();
        var key = await db.ApiKeys.FirstOrDefaultAsync(k => k.Id == id && k.AccountId == me && k.RevokedAt == null, ct);
        if (key is null) return Problems.NotFound("API key");
        var secret = ApiKeyFormat.NewSecret();
        key.Prefix = ApiKeyFormat.DisplayPrefix(secret);
        key.SecretHash = Tokens.Hash(secret);
        audit.Record(AuditActions.ApiKeyRegenerated, me, target: key.Prefix);
        await db.SaveChangesAsync(ct);
        authenticator.Forget(key.Id);
        return TypedResults.Ok(new CreatedApiKey(key.Id, key.Name, key.Prefix, key.CreatedAt, secret));
    }
}
