using Keel.Platform.Http;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Options;
using Keel.Platform.RateLimiting;

namespace Keel.Platform.Auth;

/// <summary>
/// Where the emailed link lands. Opening the link only shows a button: mail scanners follow links in mail, and a
/// GET that signed in would burn the single-use token before the person clicks. The button's POST redeems it.
/// </summary>
internal static class MagicLinkPage
{
    public static void MapMagicLinkPage(this IEndpointRouteBuilder app)
    {
        app.MapGet("/auth/magic", Show).AllowAnonymous().ExcludeFromDescription();
        app.MapPost("/auth/magic", RedeemAsync).AllowAnonymous().DisableAntiforgery().ExcludeFromDescription();
    }

    private static IResult Show(string? token) =>
        string.IsNullOrEmpty(token)
            ? Page.Render("Sign-in link incomplete", "<p>The link is missing its token. Copy the whole address from the email.</p>", 400)
            : Page.Render("Sign in", $"""
                <p>Continue to sign in. The link works once.</p>
                <form method="post" action="/auth/magic">
                  <input type="hidden" name="token" value="{Page.Encode(token)}">
                  <button type="submit">Sign in</button>
                </form>
                """);

    // No antiforgery token: the form's secret is the single-use token itself, which a cross-site attacker cannot know.
    private static async Task<IResult> RedeemAsync([FromForm] string? token, HttpContext http, MagicLinks magicLinks, SignIn signIn,
        RateLimits limits, IOptions<KeelOptions> options, CancellationToken ct)
    {
        var decision = await limits.AcquireAsync("magic-verify", RateLimits.ClientIp(http), options.Value.Limits.MagicLinkVerify);
        if (!decision.IsAllowed) return decision.ToResult(http);
        var account = await magicLinks.RedeemAsync(token, ct);
        if (account is null)
            return Page.Render("Link expired", "<p>This sign-in link is invalid, was already used, or has expired. Ask for a new one.</p>", 400);
        await signIn.StartSessionAsync(http, account, "magic-link", ct);
        return Page.Render("Signed in", $"<p>You are signed in as <strong>{Page.Encode(account.Email)}</strong>.</p><p><a href=\"/dashboard\">Continue to your dashboard</a></p>");
    }
}
