using System.Collections.Concurrent;
using System.Security.Claims;
using Keel.Platform.Auth;
using Keel.Platform.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Keel.Platform.ApiKeys;

/// <summary>
/// Resolves API keys to principals. Keys are looked up by hash and remembered for a few seconds, so a busy client
/// does not cost a database round trip per request; revoking on this instance takes effect at once, on other
/// instances within <see cref="CacheFor"/>.
/// </summary>
internal sealed class ApiKeyAuthenticator(IServiceScopeFactory scopes, TimeProvider time)
{
    public static readonly TimeSpan CacheFor = TimeSpan.FromSeconds(10);
    private static readonly TimeSpan TouchEvery = TimeSpan.FromMinutes(1);

    private readonly ConcurrentDictionary<string, Entry> _cache = new();

    private sealed record Entry(ClaimsPrincipal Principal, Guid KeyId, DateTimeOffset CachedAt, DateTimeOffset LastTouched);

    public async Task<ClaimsPrincipal?> AuthenticateAsync(string key, CancellationToken cancellationToken)
    {
        if (key.Length > ApiKeyFormat.MaxLength || !key.StartsWith(ApiKeyFormat.Prefix, StringComparison.Ordinal))
            return null;
        var hash = Tokens.Hash(key);
        var cacheKey = Convert.ToHexString(hash);
        var now = time.GetUtcNow();

        if (_cache.TryGetValue(cacheKey, out var entry) && now - entry.CachedAt < CacheFor)
        {
            if (now - entry.LastTouched > TouchEvery) await TouchAsync(cacheKey, entry, now, cancellationToken);
            return entry.Principal;
        }

        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<KeelDbContext>();
        var found = await db.ApiKeys.AsNoTracking()
            .Where(k => k.SecretHash == hash && k.RevokedAt == null)
            .Join(db.Accounts, k => k.AccountId, a => a.Id, (k, a) => new { KeyId = k.Id, k.LastUsedAt, a.Id, a.Email, a.IsAdmin })
            .FirstOrDefaultAsync(cancellationToken);
        if (found is null)
        {
            _cache.TryRemove(cacheKey, out _);
            return null;
        }

        var principal = KeelClaims.Create(found.Id, found.Email, found.IsAdmin, "api_key", found.KeyId);
        entry = new Entry(principal, found.KeyId, now, found.LastUsedAt ?? DateTimeOffset.MinValue);
        _cache[cacheKey] = entry;
        if (now - entry.LastTouched > TouchEvery) await TouchAsync(cacheKey, entry, now, cancellationToken);
        return principal;
    }

    /// <summary>Forgets every cached principal of one account's keys, e.g. after a revoke.</summary>
    public void Forget(Guid keyId)
    {
        foreach (var (k, e) in _cache)
            if (e.KeyId == keyId) _cache.TryRemove(k, out _);
    }

    private async Task TouchAsync(string cacheKey, Entry entry, DateTimeOffset now, CancellationToken cancellationToken)
    {
        _cache[cacheKey] = entry with { LastTouched = now };
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<KeelDbContext>();
        await db.ApiKeys.Where(k => k.Id == entry.KeyId)
            .ExecuteUpdateAsync(s => s.SetProperty(k => k.LastUsedAt, now), cancellationToken);
    }
}
