using System.Security.Cryptography;
using Keel.Platform.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Caching.Memory;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace Keel.Platform.Licensing;

/// <summary>
/// Signed license tokens a client verifies without the server: ES256 JWTs carrying seed 000's claims (email,
/// customerId, subscriptionId, status, exp) plus tier, product and machine. The public keys are published as a
/// JWKS; rotating adds a key and retires the old one without breaking tokens it already signed, because retired
/// keys stay published until those tokens have expired.
/// </summary>
public sealed class OfflineTokens(IServiceScopeFactory scopes, SecretBox box, TimeProvider time, IOptions<KeelOptions> options,
    ILogger<OfflineTokens> logger)
{
    public const string Issuer = "keel";
    private static readonly TimeSpan RefreshEvery = TimeSpan.FromMinutes(1);

    /// <summary>How long a signed token is handed out again for the same claims, instead of signing a new one.</summary>
    internal static readonly TimeSpan ReuseFor = TimeSpan.FromMinutes(1);

    private readonly JsonWebTokenHandler _handler = new() { SetDefaultTimesOnTokenCreation = false };
    // A client validating in a loop gets the token it got a moment ago: signing is most of a validation's CPU.
    private readonly MemoryCache _recent = new(new MemoryCacheOptions { SizeLimit = 200_000 });
    private readonly SemaphoreSlim _lock = new(1, 1);
    private KeySet? _keys;

    private sealed record Issued(string Token, DateTimeOffset ExpiresAt, DateTimeOffset IssuedAt, string KeyId);

    private sealed record KeySet(ECDsaSecurityKey Current, IReadOnlyList<ECDsaSecurityKey> Published, DateTimeOffset LoadedAt);

    public TimeSpan Lifetime => options.Value.Licensing.OfflineTokenLifetime;

    public async Task<(string Token, DateTimeOffset ExpiresAt)> IssueAsync(OfflineTokenClaims claims, CancellationToken ct)
    {
        var keys = await KeysAsync(ct);
        var now = time.GetUtcNow();
        if (_recent.TryGetValue(claims, out Issued? recent) && recent is not null && recent.KeyId == keys.Current.KeyId
            && now >= recent.IssuedAt && now - recent.IssuedAt < ReuseFor)
            return (recent.Token, recent.ExpiresAt);

        var expires = now + Lifetime;
        var payload = new Dictionary<string, object?>
        {
            ["email"] = claims.Email,
            ["customerId"] = claims.CustomerId,
            ["subscriptionId"] = claims.SubscriptionId,
            ["status"] = claims.Status,
            ["tier"] = claims.Tier,
            ["product"] = claims.Product,
            ["machine"] = claims.Machine,
            ["licenseId"] = claims.LicenseId.ToString(),
        };
        var token = _handler.CreateToken(new SecurityTokenDescriptor
        {
            Issuer = Issuer,
            Audience = claims.Product,
            Subject = new System.Security.Claims.ClaimsIdentity([new System.Security.Claims.Claim("sub", claims.LicenseId.ToString())]),
            IssuedAt = now.UtcDateTime,
            NotBefore = now.UtcDateTime,
            Expires = expires.UtcDateTime,
            Claims = payload.Where(p => p.Value is not null).ToDictionary(p => p.Key, p => p.Value!),
            SigningCredentials = new SigningCredentials(keys.Current, SecurityAlgorithms.EcdsaSha256),
        });
        _recent.Set(claims, new Issued(token, expires, now, keys.Current.KeyId),
            new MemoryCacheEntryOptions { Size = 1, AbsoluteExpirationRelativeToNow = ReuseFor });
        return (token, expires);
    }

    /// <summary>The public keys clients verify tokens with, newest first.</summary>
    public async Task<JsonWebKeySet> PublishedKeysAsync(CancellationToken ct)
    {
        var set = new JsonWebKeySet();
        foreach (var key in (await KeysAsync(ct)).Published)
        {
            var jwk = JsonWebKeyConverter.ConvertFromECDsaSecurityKey(key);
            jwk.D = null;
            jwk.Use = "sig";
            jwk.Alg = SecurityAlgorithms.EcdsaSha256;
            set.Keys.Add(jwk);
        }
        return set;
    }

    /// <summary>Verifies a token as a client would, against the published keys (used by routes that accept a token as proof).</summary>
    public async Task<JsonWebToken?> VerifyAsync(string token, string product, CancellationToken ct)
    {
        var keys = await KeysAsync(ct);
        var result = await _handler.ValidateTokenAsync(token, new TokenValidationParameters
        {
            ValidIssuer = Issuer,
            ValidAudience = product,
            IssuerSigningKeys = keys.Published,
            ValidAlgorithms = [SecurityAlgorithms.EcdsaSha256],
            LifetimeValidator = (_, expires, _, _) => expires is { } e && e > time.GetUtcNow().UtcDateTime,
        });
        return result.IsValid ? (JsonWebToken)result.SecurityToken : null;
    }

    /// <summary>Makes a new key the signing key and retires the current one. Returns the new key's id.</summary>
    public async Task<string> RotateAsync(CancellationToken ct)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<KeelDbContext>();
        var now = time.GetUtcNow();
        await db.SigningKeys.Where(k => k.RetiredAt == null).ExecuteUpdateAsync(s => s.SetProperty(k => k.RetiredAt, now), ct);
        var created = NewKey(now);
        db.SigningKeys.Add(created);
        await db.SaveChangesAsync(ct);
        // Under the lock, so that a background reload begun before the rotation cannot put the old keys back.
        await _lock.WaitAsync(ct);
        try
        {
            _keys = await LoadAsync(ct);
        }
        finally
        {
            _lock.Release();
        }
        return created.Id;
    }

    private async Task<KeySet> KeysAsync(CancellationToken ct)
    {
        var keys = _keys;
        if (keys is null) return await LoadFirstAsync(ct);
        // Another instance (or `licenses rotate-key`) may have rotated: look again in the background and keep signing
        // with the keys at hand meanwhile, so no request waits on the database for them.
        if (time.GetUtcNow() - keys.LoadedAt >= RefreshEvery && _lock.Wait(0))
        {
            _ = Task.Run(async () =>
            {
                try
                {
                    _keys = await LoadAsync(CancellationToken.None);
                }
                catch (Exception e)
                {
                    logger.LogWarning(e, "Reloading the license signing keys failed; signing with the keys loaded at {LoadedAt}.", keys.LoadedAt);
                }
                finally
                {
                    _lock.Release();
                }
            }, CancellationToken.None);
        }
        return keys;
    }

    private async Task<KeySet> LoadFirstAsync(CancellationToken ct)
    {
        await _lock.WaitAsync(ct);
        try
        {
            return _keys ??= await LoadAsync(ct);
        }
        finally
        {
            _lock.Release();
        }
    }

    private async Task<KeySet> LoadAsync(CancellationToken ct)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<KeelDbContext>();
        var now = time.GetUtcNow();
        // A retired key is published for as long as the last token it signed can live, plus a day of clock slack.
        var publishedSince = now - Lifetime - TimeSpan.FromDays(1);
        var rows = await db.SigningKeys.AsNoTracking()
            .Where(k => k.RetiredAt == null || k.RetiredAt > publishedSince)
            .ToListAsync(ct);
        if (!rows.Any(k => k.RetiredAt is null))
        {
            var created = NewKey(now);
            db.SigningKeys.Add(created);
            await db.SaveChangesAsync(ct);
            rows.Add(created);
        }
        var published = rows.OrderByDescending(k => k.CreatedAt).Select(ToSecurityKey).ToList();
        // Two instances may have created a first key at once; the newest active one signs, both stay published.
        var current = published.First(k => rows.Single(r => r.Id == k.KeyId).RetiredAt is null);
        return new KeySet(current, published, now);
    }

    private SigningKey NewKey(DateTimeOffset now)
    {
        using var ecdsa = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        return new SigningKey
        {
            Id = $"{now:yyyyMMdd}-{Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(4))}",
            PrivateKeySealed = box.Seal(Convert.ToBase64String(ecdsa.ExportPkcs8PrivateKey())),
            CreatedAt = now,
        };
    }

    private ECDsaSecurityKey ToSecurityKey(SigningKey row)
    {
        var ecdsa = ECDsa.Create();
        ecdsa.ImportPkcs8PrivateKey(Convert.FromBase64String(box.Open(row.PrivateKeySealed)), out _);
        return new ECDsaSecurityKey(ecdsa) { KeyId = row.Id };
    }
}

public sealed record OfflineTokenClaims(Guid LicenseId, string Product, string Email, string Status, string Tier,
    string? CustomerId, string? SubscriptionId, string? Machine);
