using System.Security.Claims;
using Keel.Platform.Accounts;
using Keel.Platform.Audit;
using Keel.Platform.Auth;
using Keel.Platform.Data;
using Keel.Platform.Email;
using Keel.Platform.Email.Templates;
using Keel.Platform.Http;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Keel.Platform.Organizations;

internal static class InvitationsApi
{
    public static void MapInvitationsApi(this RouteGroupBuilder api)
    {
        var invitations = api.MapGroup("/organizations/{organizationId:guid}/invitations").WithTags("Organizations");
        invitations.MapPost("/", InviteAsync).Produces<InvitationDto>(StatusCodes.Status201Created)
            .WithSummary("Invite someone by email (admins; only owners invite owners)");
        invitations.MapGet("/", ListAsync).Produces<IReadOnlyList<InvitationDto>>().WithSummary("Pending invitations (admins)");
        invitations.MapDelete("/{invitationId:guid}", RevokeAsync).Produces(StatusCodes.Status204NoContent).WithSummary("Revoke an invitation (admins)");

        api.MapPost("/invitations/accept", AcceptAsync).WithTags("Organizations").Produces<OrganizationsApi.OrganizationDto>()
            .WithSummary("Accept an invitation sent to the signed-in account's address");
    }

    public sealed record InviteRequest(string? Email, string? Role);
    public sealed record AcceptRequest(string? Token);
    public sealed record InvitationDto(Guid Id, string Email, string Role, DateTimeOffset CreatedAt, DateTimeOffset ExpiresAt);

    internal static async Task<IResult> InviteAsync(Guid organizationId, InviteRequest request, ClaimsPrincipal user, KeelDbContext db,
        TimeProvider time, Mailer mailer, AuditLog audit, IOptions<KeelOptions> options, CancellationToken ct)
    {
        var access = await OrganizationAccess.CheckAsync(db, user, organizationId, OrganizationRole.Admin, ct);
        if (access.Denied is { } denied) return denied;
        var validation = new Validation().Email("email", request.Email);
        var role = OrganizationRole.Member;
        if (request.Role is not null && !OrganizationsApi.TryParseRole(request.Role, out role))
            validation.Add("role", "The role is owner, admin or member.");
        if (!validation.IsValid) return validation.ToResult();
        if (role == OrganizationRole.Owner && access.Membership!.Role != OrganizationRole.Owner)
            return Problems.Forbidden("Only an owner can invite an owner.");

        var normalized = EmailAddress.Normalize(request.Email!);
        var alreadyMember = await db.Memberships.Where(m => m.OrganizationId == organizationId)
            .Join(db.Accounts, m => m.AccountId, a => a.Id, (m, a) => a.NormalizedEmail)
            .AnyAsync(e => e == normalized, ct);
        if (alreadyMember) return Problems.Conflict("This person is already a member.");

        var token = Tokens.New();
        var now = time.GetUtcNow();
        var lifetime = options.Value.Auth.InvitationLifetime;
        var invitation = new Invitation
        {
            Id = Ids.New(time),
            OrganizationId = organizationId,
            Email = request.Email!.Trim(),
            NormalizedEmail = normalized,
            Role = role,
            TokenHash = Tokens.Hash(token),
            InvitedBy = user.AccountIdOf(),
            CreatedAt = now,
            ExpiresAt = now + lifetime,
        };
        db.Invitations.Add(invitation);
        var organization = await db.Organizations.AsNoTracking().SingleAsync(o => o.Id == organizationId, ct);
        var inviter = user.FindFirst(KeelClaims.Email)!.Value;
        var url = $"{options.Value.PublicUrl.TrimEnd('/')}/invitations/accept?token={Uri.EscapeDataString(token)}";
        mailer.Queue(invitation.Email, InvitationEmail.Render(organization.Name, inviter, role.Name(), url, lifetime));
        audit.Record(AuditActions.MemberInvited, user.AccountIdOf(), organizationId, $"{invitation.Email} as {role.Name()}");
        await db.SaveChangesAsync(ct);
        return TypedResults.Created($"/api/v1/organizations/{organizationId}/invitations/{invitation.Id}", ToDto(invitation));
    }

    internal static async Task<IResult> ListAsync(Guid organizationId, ClaimsPrincipal user, KeelDbContext db, TimeProvider time, CancellationToken ct)
    {
        var access = await OrganizationAccess.CheckAsync(db, user, organizationId, OrganizationRole.Admin, ct);
        if (access.Denied is { } denied) return denied;
        var now = time.GetUtcNow();
        var pending = await db.Invitations.AsNoTracking()
            .Where(i => i.OrganizationId == organizationId && i.AcceptedAt == null && i.RevokedAt == null && i.ExpiresAt > now)
            .OrderBy(i => i.CreatedAt)
            .ToListAsync(ct);
        return TypedResults.Ok(pending.Select(ToDto).ToList());
    }

    internal static async Task<IResult> RevokeAsync(Guid organizationId, Guid invitationId, ClaimsPrincipal user, KeelDbContext db,
        TimeProvider time, AuditLog audit, CancellationToken ct)
    {
        var access = await OrganizationAccess.CheckAsync(db, user, organizationId, OrganizationRole.Admin, ct);
        if (access.Denied is { } denied) return denied;
        var invitation = await db.Invitations.FirstOrDefaultAsync(
            i => i.Id == invitationId && i.OrganizationId == organizationId && i.AcceptedAt == null && i.RevokedAt == null, ct);
        if (invitation is null) return Problems.NotFound("Invitation");
        invitation.RevokedAt = time.GetUtcNow();
        audit.Record(AuditActions.InvitationRevoked, user.AccountIdOf(), organizationId, invitation.Email);
        await db.SaveChangesAsync(ct);
        return TypedResults.NoContent();
    }

    private static async Task<IResult> AcceptAsync(AcceptRequest request, ClaimsPrincipal user, KeelDbContext db, Invitations invitations,
        CancellationToken ct)
    {
        var invitation = await invitations.FindPendingAsync(request.Token, ct);
        if (invitation is null) return Problems.NotFound("Invitation");
        var me = user.AccountIdOf();
        var account = await db.Accounts.SingleAsync(a => a.Id == me, ct);
        if (account.NormalizedEmail != invitation.NormalizedEmail)
            return Problems.Forbidden("This invitation was sent to another email address. Sign in with that address to accept it.");
        if (!await invitations.AcceptAsync(invitation, account, ct)) return Problems.NotFound("Invitation");
        var organization = await db.Organizations.AsNoTracking().SingleAsync(o => o.Id == invitation.OrganizationId, ct);
        var role = await db.Memberships.Where(m => m.OrganizationId == organization.Id && m.AccountId == me).Select(m => m.Role).SingleAsync(ct);
        return TypedResults.Ok(new OrganizationsApi.OrganizationDto(organization.Id, organization.Name, role.Name(), organization.CreatedAt));
    }

    private static InvitationDto ToDto(Invitation i) => new(i.Id, i.Email, i.Role.Name(), i.CreatedAt, i.ExpiresAt);
}
