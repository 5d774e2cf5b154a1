using Keel.Platform.Auth;
using Keel.Platform.Data;
using Keel.Platform.Http;
using Keel.Platform.RateLimiting;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Keel.Platform.Organizations;

/// <summary>
/// Where the invitation email's link lands. The link came through the invitee's inbox, which proves they own the
/// address, just as a magic link does: accepting signs them in, creating their account if they have none.
/// As with magic links, only the POST behind the button changes anything.
/// </summary>
internal static class InvitationPage
{
    public static void MapInvitationPage(this IEndpointRouteBuilder app)
    {
        app.MapGet("/invitations/accept", ShowAsync).AllowAnonymous().ExcludeFromDescription();
        app.MapPost("/invitations/accept", AcceptAsync).AllowAnonymous().DisableAntiforgery().ExcludeFromDescription();
    }

    private static async Task<IResult> ShowAsync(string? token, KeelDbContext db, Invitations invitations, CancellationToken ct)
    {
        var invitation = await invitations.FindPendingAsync(token, ct);
        if (invitation is null) return Expired();
        var organization = await db.Organizations.AsNoTracking().SingleAsync(o => o.Id == invitation.OrganizationId, ct);
        return Page.Render($"Join {organization.Name}", $"""
            <p>You were invited to join <strong>{Page.Encode(organization.Name)}</strong> as {invitation.Role.Name()},
            with the address <strong>{Page.Encode(invitation.Email)}</strong>.</p>
            <form method="post" action="/invitations/accept">
              <input type="hidden" name="token" value="{Page.Encode(token)}">
              <button type="submit">Accept invitation</button>
            </form>
            """);
    }

    private static async Task<IResult> AcceptAsync([FromForm] string? token, HttpContext http, KeelDbContext db, Invitations invitations,
        SignIn signIn, RateLimits limits, IOptions<KeelOptions> options, CancellationToken ct)
    {
        var decision = await limits.AcquireAsync("magic-verify", RateLimits.ClientIp(http), options.Value.Limits.MagicLinkVerify);
        if (!decision.IsAllowed) return decision.ToResult(http);
        var invitation = await invitations.FindPendingAsync(token, ct);
        if (invitation is null) return Expired();
        var account = await signIn.FindOrCreateVerifiedAsync(invitation.Email, ct);
        if (!await invitations.AcceptAsync(invitation, account, ct)) return Expired();
        await signIn.StartSessionAsync(http, account, "invitation", ct);
        var organization = await db.Organizations.AsNoTracking().SingleAsync(o => o.Id == invitation.OrganizationId, ct);
        return Page.Render("Welcome aboard", $"<p>You joined <strong>{Page.Encode(organization.Name)}</strong> and are signed in as {Page.Encode(account.Email)}.</p><p><a href=\"/dashboard/organizations/{organization.Id}\">Open {Page.Encode(organization.Name)}</a></p>");
    }

    private static IResult Expired() =>
        Page.Render("Invitation not valid", "<p>This invitation is invalid, was already accepted, was revoked, or has expired. Ask for a new one.</p>", 400);
}
