using Keel.Platform.Auth;
using Keel.Platform.Data;
using Keel.Platform.Organizations;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;
using System.Security.Claims;

namespace Keel.Platform.Audit;

internal static class AuditApi
{
    public static void MapAuditApi(this RouteGroupBuilder api)
    {
        api.MapGet("/me/audit", MyEventsAsync).WithTags("Audit").WithSummary("Security events of the signed-in account");
        api.MapGet("/organizations/{organizationId:guid}/audit", OrganizationEventsAsync).WithTags("Audit").Produces<AuditPage>()
            .WithSummary("Security events of an organization (owners and platform admins)");
        api.MapGet("/admin/audit", AllEventsAsync).WithTags("Admin").RequireAuthorization(PlatformPolicies.Admin)
            .WithSummary("Every security event (platform admins)");
    }

    public sealed record AuditEventDto(Guid Id, DateTimeOffset OccurredAt, Guid? ActorId, Guid? OrganizationId, string Action, string? Target, string? IpAddress);

    public sealed record AuditPage(IReadOnlyList<AuditEventDto> Items, int Page, int PageSize, bool HasMore);

    internal static Task<AuditPage> MyEventsAsync(ClaimsPrincipal user, KeelDbContext db, int? page, int? pageSize, CancellationToken ct)
    {
        var me = user.AccountIdOf();
        return PageAsync(db.AuditEvents.Where(e => e.ActorId == me), page, pageSize, ct);
    }

    internal static async Task<IResult> OrganizationEventsAsync(
        Guid organizationId, ClaimsPrincipal user, KeelDbContext db, int? page, int? pageSize, CancellationToken ct)
    {
        if (!user.IsPlatformAdmin())
        {
            var access = await OrganizationAccess.CheckAsync(db, user, organizationId, OrganizationRole.Owner, ct);
            if (access.Denied is { } denied) return denied;
        }
        return TypedResults.Ok(await PageAsync(db.AuditEvents.Where(e => e.OrganizationId == organizationId), page, pageSize, ct));
    }

    private static Task<AuditPage> AllEventsAsync(KeelDbContext db, int? page, int? pageSize, CancellationToken ct) =>
        PageAsync(db.AuditEvents, page, pageSize, ct);

    private static async Task<AuditPage> PageAsync(IQueryable<AuditEvent> events, int? page, int? pageSize, CancellationToken ct)
    {
        var (p, size) = Paging.Normalize(page, pageSize);
        var items = await events.OrderByDescending(e => e.OccurredAt).ThenByDescending(e => e.Id)
            .Skip((p - 1) * size).Take(size + 1)
            .Select(e => new AuditEventDto(e.Id, e.OccurredAt, e.ActorId, e.OrganizationId, e.Action, e.Target, e.IpAddress))
            .ToListAsync(ct);
        return new AuditPage(items.Take(size).ToList(), p, size, items.Count > size);
    }
}
