using System.Text.Encodings.Web;
using Keel.Platform.ApiKeys;
using Keel.Platform.Data;
using Microsoft.AspNetCore.Authentication;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Keel.Platform.Auth;

/// <summary>
/// One scheme for every credential a Keel client can present: an API key (<c>X-Api-Key</c> or
/// <c>Authorization: Bearer keel_...</c>), a JWT access token (<c>Authorization: Bearer eyJ...</c>), or the browser's
/// session cookie. A request that presents a credential which turns out to be invalid fails, rather than silently
/// falling back to another credential.
/// </summary>
internal sealed class KeelAuthenticationHandler(
    IOptionsMonitor<AuthenticationSchemeOptions> options,
    ILoggerFactory logger,
    UrlEncoder encoder,
    ApiKeyAuthenticator apiKeys,
    AccessTokens accessTokens,
    TimeProvider time)
    : AuthenticationHandler<AuthenticationSchemeOptions>(options, logger, encoder)
{
    protected override async Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        var headers = Request.Headers;
        if (headers.TryGetValue("X-Api-Key", out var apiKeyHeader))
            return await AuthenticateApiKeyAsync(apiKeyHeader.ToString());

        var authorization = headers.Authorization.ToString();
        if (authorization.Length > 0)
        {
            if (!authorization.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase))
                return AuthenticateResult.Fail("Unsupported authorization scheme.");
            var token = authorization["Bearer ".Length..].Trim();
            return token.StartsWith(ApiKeyFormat.Prefix, StringComparison.Ordinal)
                ? await AuthenticateApiKeyAsync(token)
                : await AuthenticateJwtAsync(token);
        }

        if (Request.Cookies.TryGetValue(SessionCookie.Name, out var sessionToken) && sessionToken.Length > 0)
            return await AuthenticateSessionAsync(sessionToken);

        return AuthenticateResult.NoResult();
    }

    private async Task<AuthenticateResult> AuthenticateApiKeyAsync(string key)
    {
        var principal = await apiKeys.AuthenticateAsync(key, Context.RequestAborted);
        return principal is null ? AuthenticateResult.Fail("Invalid API key.") : Success(principal);
    }

    private async Task<AuthenticateResult> AuthenticateJwtAsync(string token)
    {
        var principal = await accessTokens.ValidateAsync(token);
        return principal is null ? AuthenticateResult.Fail("Invalid or expired access token.") : Success(principal);
    }

    private async Task<AuthenticateResult> AuthenticateSessionAsync(string token)
    {
        var hash = Tokens.Hash(token);
        var now = time.GetUtcNow();
        // Resolved here rather than injected: API-key, JWT and anonymous requests need no database context.
        var db = Context.RequestServices.GetRequiredService<KeelDbContext>();
        var found = await db.Sessions.AsNoTracking()
            .Where(s => s.TokenHash == hash && s.RevokedAt == null && s.ExpiresAt > now)
            .Join(db.Accounts, s => s.AccountId, a => a.Id, (s, a) => new { SessionId = s.Id, a.Id, a.Email, a.IsAdmin })
            .FirstOrDefaultAsync(Context.RequestAborted);
        if (found is null) return AuthenticateResult.Fail("Session expired or signed out.");
        return Success(KeelClaims.Create(found.Id, found.Email, found.IsAdmin, "session", found.SessionId));
    }

    /// <summary>A browser page sends an anonymous visitor to sign in and back; the API answers 401.</summary>
    protected override Task HandleChallengeAsync(AuthenticationProperties properties)
    {
        if (!Web.WebPage.Is(Context)) return base.HandleChallengeAsync(properties);
        var back = Request.PathBase + Request.Path + Request.QueryString;
        Response.Redirect("/signin?returnUrl=" + Uri.EscapeDataString(back));
        return Task.CompletedTask;
    }

    private AuthenticateResult Success(System.Security.Claims.ClaimsPrincipal principal) =>
        AuthenticateResult.Success(new AuthenticationTicket(principal, Scheme.Name));
}
