using System.Security.Claims;

namespace Keel.Platform.Auth;

/// <summary>The claims every authenticated Keel principal carries, whatever credential it presented.</summary>
public static class KeelClaims
{
    public const string Scheme = "Keel";
    public const string AccountId = "sub";
    public const string Email = "email";
    public const string Admin = "keel:admin";
    /// <summary>session, api_key or jwt.</summary>
    public const string Method = "keel:method";
    /// <summary>The id of the session or API key, so it can be revoked or rate-limited on its own.</summary>
    public const string CredentialId = "keel:credential";

    public static Guid AccountIdOf(this ClaimsPrincipal user) =>
        Guid.Parse(user.FindFirstValue(AccountId) ?? throw new InvalidOperationException("The request is not authenticated."));

    public static bool IsPlatformAdmin(this ClaimsPrincipal user) => user.HasClaim(Admin, "true");

    internal static ClaimsPrincipal Create(Guid accountId, string email, bool isAdmin, string method, Guid credentialId)
    {
        var claims = new List<Claim>
        {
            new(AccountId, accountId.ToString()),
            new(Email, email),
            new(Method, method),
            new(CredentialId, credentialId.ToString()),
        };
        if (isAdmin) claims.Add(new Claim(Admin, "true"));
        return new ClaimsPrincipal(new ClaimsIdentity(claims, Scheme, Email, null));
    }
}
