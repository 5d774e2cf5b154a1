using System.Security.Claims;
using Keel.Platform.Accounts;
using Keel.Platform.Data;
using Microsoft.Extensions.Options;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace Keel.Platform.Auth;

/// <summary>Short-lived HS256 access tokens for API clients that prefer a JWT to an API key.</summary>
internal sealed class AccessTokens
{
    private const string Issuer = "keel";
    private const string Audience = "keel-api";

    private readonly JsonWebTokenHandler _handler = new() { SetDefaultTimesOnTokenCreation = false };
    private readonly SymmetricSecurityKey _key;
    private readonly TimeProvider _time;
    private readonly TimeSpan _lifetime;
    private readonly TokenValidationParameters _validation;

    public AccessTokens(IOptions<KeelOptions> options, TimeProvider time, ServerSecrets secrets)
    {
        _time = time;
        _lifetime = options.Value.Auth.JwtLifetime;
        _key = new SymmetricSecurityKey(secrets.DeriveKey("jwt-access-tokens"));
        _validation = new TokenValidationParameters
        {
            ValidIssuer = Issuer,
            ValidAudience = Audience,
            IssuerSigningKey = _key,
            ValidAlgorithms = [SecurityAlgorithms.HmacSha256],
            NameClaimType = KeelClaims.Email,
            LifetimeValidator = (notBefore, expires, _, _) =>
            {
                var now = _time.GetUtcNow().UtcDateTime;
                return expires is { } exp && exp > now && (notBefore is not { } nbf || nbf <= now.AddMinutes(1));
            },
        };
    }

    public TimeSpan Lifetime => _lifetime;

    public string Issue(Account account)
    {
        var now = _time.GetUtcNow().UtcDateTime;
        var claims = new Dictionary<string, object>
        {
            [KeelClaims.AccountId] = account.Id.ToString(),
            [KeelClaims.Email] = account.Email,
            [JwtRegisteredClaimNames.Jti] = Guid.NewGuid().ToString(),
        };
        if (account.IsAdmin) claims[KeelClaims.Admin] = "true";
        return _handler.CreateToken(new SecurityTokenDescriptor
        {
            Issuer = Issuer,
            Audience = Audience,
            IssuedAt = now,
            NotBefore = now,
            Expires = now + _lifetime,
            Claims = claims,
            SigningCredentials = new SigningCredentials(_key, SecurityAlgorithms.HmacSha256),
        });
    }

    public async Task<ClaimsPrincipal?> ValidateAsync(string token)
    {
        var result = await _handler.ValidateTokenAsync(token, _validation);
        if (!result.IsValid) return null;
        var claims = result.ClaimsIdentity;
        var id = claims.FindFirst(KeelClaims.AccountId)?.Value;
        var email = claims.FindFirst(KeelClaims.Email)?.Value;
        var jti = claims.FindFirst(JwtRegisteredClaimNames.Jti)?.Value;
        if (!Guid.TryParse(id, out var accountId) || email is null || !Guid.TryParse(jti, out var tokenId)) return null;
        return KeelClaims.Create(accountId, email, claims.HasClaim(KeelClaims.Admin, "true"), "jwt", tokenId);
    }
}
