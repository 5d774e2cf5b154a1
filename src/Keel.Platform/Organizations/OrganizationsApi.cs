using System.Security.Claims;
using Keel.Platform.Accounts;
using Keel.Platform.Audit;
using Keel.Platform.Auth;
using Keel.Platform.Data;
using Keel.Platform.Http;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;

namespace Keel.Platform.Organizations;

internal static class OrganizationsApi
{
    public static void MapOrganizationsApi(this RouteGroupBuilder api)
    {
        var orgs = api.MapGroup("/organizations").WithTags("Organizations");
        orgs.MapPost("/", CreateAsync).Produces<OrganizationDto>(StatusCodes.Status201Created)
            .WithSummary("Create an organization; the creator becomes its owner");
        orgs.MapGet("/", ListAsync).Produces<IReadOnlyList<OrganizationDto>>().WithSummary("The organizations the account belongs to");
        orgs.MapGet("/{organizationId:guid}", GetAsync).Produces<OrganizationDto>().WithSummary("One organization (members)");
        orgs.MapPatch("/{organizationId:guid}", RenameAsync).Produces<OrganizationDto>().WithSummary("Rename (admins and owners)");
        orgs.MapDelete("/{organizationId:guid}", DeleteAsync).Produces(StatusCodes.Status204NoContent).WithSummary("Delete (owners)");
        orgs.MapGet("/{organizationId:guid}/members", MembersAsync).Produces<IReadOnlyList<MemberDto>>().WithSummary("Members and their roles (members)");
        orgs.MapPut("/{organizationId:guid}/members/{accountId:guid}/role", ChangeRoleAsync).Produces<MemberDto>()
            .WithSummary("Change a member's role (admins; only owners grant or take the owner role)");
        orgs.MapDelete("/{organizationId:guid}/members/{accountId:guid}", RemoveMemberAsync).Produces(StatusCodes.Status204NoContent)
            .WithSummary("Remove a member (admins), or leave (anyone); the last owner cannot go");
    }

    public sealed record CreateOrganizationRequest(string? Name);
    public sealed record RenameOrganizationRequest(string? Name);
    public sealed record ChangeRoleRequest(string? Role);
    public sealed record OrganizationDto(Guid Id, string Name, string Role, DateTimeOffset CreatedAt);
    public sealed record MemberDto(Guid AccountId, string Email, string? DisplayName, string Role, DateTimeOffset JoinedAt);

    internal static string Name(this OrganizationRole role) => role.ToString().ToLowerInvariant();

    internal static bool TryParseRole(string? text, out OrganizationRole role)
    {
        role = default;
        return text is not null && text.Length < 20 && text.All(char.IsAsciiLetter)
            && Enum.TryParse(text, ignoreCase: true, out role) && Enum.IsDefined(role);
    }

    internal static async Task<IResult> CreateAsync(CreateOrganizationRequest request, ClaimsPrincipal user, KeelDbContext db, TimeProvider time,
        AuditLog audit, CancellationToken ct)
    {
        var validation = new Validation().Required("name", request.Name, Limits.Name);
        if (!validation.IsValid) return validation.ToResult();
        var me = user.AccountIdOf();
        var now = time.GetUtcNow();
        var organization = new Organization { Id = Ids.New(time), Name = request.Name!.Trim(), CreatedAt = now };
        db.Organizations.Add(organization);
        db.Memberships.Add(new Membership { OrganizationId = organization.Id, AccountId = me, Role = OrganizationRole.Owner, JoinedAt = now });
        audit.Record(AuditActions.OrganizationCreated, me, organization.Id, organization.Name);
        await db.SaveChangesAsync(ct);
        return TypedResults.Created($"/api/v1/organizations/{organization.Id}",
            new OrganizationDto(organization.Id, organization.Name, OrganizationRole.Owner.Name(), organization.CreatedAt));
    }

    internal static async Task<IReadOnlyList<OrganizationDto>> ListAsync(ClaimsPrincipal user, KeelDbContext db, CancellationToken ct)
    {
        var me = user.AccountIdOf();
        var rows = await db.Memberships.AsNoTracking().Where(m => m.AccountId == me)
            .Join(db.Organizations, m => m.OrganizationId, o => o.Id, (m, o) => new { o.Id, o.Name, m.Role, o.CreatedAt })
            .ToListAsync(ct);
        return rows.OrderBy(r => r.Name, StringComparer.OrdinalIgnoreCase)
            .Select(r => new OrganizationDto(r.Id, r.Name, r.Role.Name(), r.CreatedAt)).ToList();
    }

    private static async Task<IResult> GetAsync(Guid organizationId, ClaimsPrincipal user, KeelDbContext db, CancellationToken ct)
    {
        var access = await OrganizationAccess.CheckAsync(db, user, organizationId, OrganizationRole.Member, ct);
        if (access.Denied is { } denied) return denied;
        var organization = await db.Organizations.AsNoTracking().SingleAsync(o => o.Id == organizationId, ct);
        return TypedResults.Ok(new OrganizationDto(organization.Id, organization.Name, access.Membership!.Role.Name(), organization.CreatedAt));
    }

    private static async Task<IResult> RenameAsync(Guid organizationId, RenameOrganizationRequest request, ClaimsPrincipal user,
        KeelDbContext db, AuditLog audit, CancellationToken ct)
    {
        var access = await OrganizationAccess.CheckAsync(db, user, organizationId, OrganizationRole.Admin, ct);
        if (access.Denied is { } denied) return denied;
        var validation = new Validation().Required("name", request.Name, Limits.Name);
        if (!validation.IsValid) return validation.ToResult();
        var organization = await db.Organizations.SingleAsync(o => o.Id == organizationId, ct);
        organization.Name = request.Name!.Trim();
        audit.Record(AuditActions.OrganizationRenamed, user.AccountIdOf(), organizationId, organization.Name);
        await db.SaveChangesAsync(ct);
        return TypedResults.Ok(new OrganizationDto(organization.Id, organization.Name, access.Membership!.Role.Name(), organization.CreatedAt));
    }

    private static async Task<IResult> DeleteAsync(Guid organizationId, ClaimsPrincipal user, KeelDbContext db, AuditLog audit, CancellationToken ct)
    {
        var access = await OrganizationAccess.CheckAsync(db, user, organizationId, OrganizationRole.Owner, ct);
        if (access.Denied is { } denied) return denied;
        var organization = await db.Organizations.SingleAsync(o => o.Id == organizationId, ct);
        db.Organizations.Remove(organization);
        audit.Record(AuditActions.OrganizationDeleted, user.AccountIdOf(), organizationId, organization.Name);
        await db.SaveChangesAsync(ct);
        return TypedResults.NoContent();
    }

    internal static async Task<IResult> MembersAsync(Guid organizationId, ClaimsPrincipal user, KeelDbContext db, CancellationToken ct)
    {
        var access = await OrganizationAccess.CheckAsync(db, user, organizationId, OrganizationRole.Member, ct);
        if (access.Denied is { } denied) return denied;
        var rows = await db.Memberships.AsNoTracking().Where(m => m.OrganizationId == organizationId)
            .Join(db.Accounts, m => m.AccountId, a => a.Id, (m, a) => new { a.Id, a.Email, a.DisplayName, m.Role, m.JoinedAt })
            .ToListAsync(ct);
        return TypedResults.Ok(rows.OrderByDescending(r => r.Role).ThenBy(r => r.Email, StringComparer.OrdinalIgnoreCase)
            .Select(r => new MemberDto(r.Id, r.Email, r.DisplayName, r.Role.Name(), r.JoinedAt)).ToList());
    }

    internal static async Task<IResult> ChangeRoleAsync(Guid organizationId, Guid accountId, ChangeRoleRequest request, ClaimsPrincipal user,
        KeelDbContext db, AuditLog audit, CancellationToken ct)
    {
        var access = await OrganizationAccess.CheckAsync(db, user, organizationId, OrganizationRole.Admin, ct);
        if (access.Denied is { } denied) return denied;
        if (!TryParseRole(request.Role, out var role)) return Problems.Invalid("role", "The role is owner, admin or member.");

        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        await LockAsync(db, organizationId, ct);
        var target = await db.Memberships.FirstOrDefaultAsync(m => m.OrganizationId == organizationId && m.AccountId == accountId, ct);
        if (target is null) return Problems.NotFound("Member");
        var actorRole = access.Membership!.Role;
        if ((role == OrganizationRole.Owner || target.Role == OrganizationRole.Owner) && actorRole != OrganizationRole.Owner)
            return Problems.Forbidden("Only an owner can grant or take away the owner role.");
        if (target.Role == OrganizationRole.Owner && role != OrganizationRole.Owner && await IsLastOwnerAsync(db, organizationId, ct))
            return Problems.Conflict("An organization keeps at least one owner. Make someone else owner first.");

        var previous = target.Role;
        target.Role = role;
        audit.Record(AuditActions.RoleChanged, user.AccountIdOf(), organizationId, $"{accountId}: {previous.Name()} -> {role.Name()}");
        await db.SaveChangesAsync(ct);
        await transaction.CommitAsync(ct);
        var account = await db.Accounts.AsNoTracking().SingleAsync(a => a.Id == accountId, ct);
        return TypedResults.Ok(new MemberDto(account.Id, account.Email, account.DisplayName, role.Name(), target.JoinedAt));
    }

    internal static async Task<IResult> RemoveMemberAsync(Guid organizationId, Guid accountId, ClaimsPrincipal user, KeelDbContext db,
        AuditLog audit, CancellationToken ct)
    {
        var me = user.AccountIdOf();
        var leaving = accountId == me;
        var access = await OrganizationAccess.CheckAsync(db, user, organizationId, leaving ? OrganizationRole.Member : OrganizationRole.Admin, ct);
        if (access.Denied is { } denied) return denied;

        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        await LockAsync(db, organizationId, ct);
        var target = await db.Memberships.FirstOrDefaultAsync(m => m.OrganizationId == organizationId && m.AccountId == accountId, ct);
        if (target is null) return Problems.NotFound("Member");
        if (!leaving && target.Role == OrganizationRole.Owner && access.Membership!.Role != OrganizationRole.Owner)
            return Problems.Forbidden("Only an owner can remove an owner.");
        if (target.Role == OrganizationRole.Owner && await IsLastOwnerAsync(db, organizationId, ct))
            return Problems.Conflict("An organization keeps at least one owner. Make someone else owner first, or delete the organization.");

        db.Memberships.Remove(target);
        audit.Record(AuditActions.MemberRemoved, me, organizationId, accountId.ToString());
        await db.SaveChangesAsync(ct);
        await transaction.CommitAsync(ct);
        return TypedResults.NoContent();
    }

    /// <summary>Serialises changes to one organization's owners: without it, two owners demoting each other at
    /// the same moment could each see the other as the remaining owner. A no-op write takes the row lock on
    /// PostgreSQL and the database write lock on SQLite.</summary>
    internal static Task LockAsync(KeelDbContext db, Guid organizationId, CancellationToken ct) =>
        db.Organizations.Where(o => o.Id == organizationId).ExecuteUpdateAsync(s => s.SetProperty(o => o.Name, o => o.Name), ct);

    private static async Task<bool> IsLastOwnerAsync(KeelDbContext db, Guid organizationId, CancellationToken ct) =>
        await db.Memberships.CountAsync(m => m.OrganizationId == organizationId && m.Role == OrganizationRole.Owner, ct) <= 1;
}
