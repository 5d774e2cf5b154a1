using System.Security.Claims;
using Keel.Platform.Auth;
using Keel.Platform.Data;
using Keel.Platform.Http;
using Microsoft.AspNetCore.Http;
using Microsoft.EntityFrameworkCore;

namespace Keel.Platform.Organizations;

/// <summary>
/// The one check every organization-scoped endpoint makes. Someone who is not a member learns nothing, not even
/// that the organization exists (404); a member without the needed role gets 403.
/// </summary>
public readonly record struct OrganizationAccess(Membership? Membership, IResult? Denied)
{
    public static async Task<OrganizationAccess> CheckAsync(
        KeelDbContext db, ClaimsPrincipal user, Guid organizationId, OrganizationRole minimum, CancellationToken ct)
    {
        var me = user.AccountIdOf();
        var membership = await db.Memberships.AsNoTracking()
            .FirstOrDefaultAsync(m => m.OrganizationId == organizationId && m.AccountId == me, ct);
        if (membership is null) return new(null, Problems.NotFound("Organization"));
        if (membership.Role < minimum)
            return new(membership, Problems.Forbidden($"This needs the {minimum.ToString().ToLowerInvariant()} role in the organization."));
        return new(membership, null);
    }

    /// <summary>Who a billing or usage request acts for: the caller's account, or an organization in which the caller
    /// has at least <paramref name="minimum"/>. Returns the owner key of <see cref="Billing.Subscription"/>.</summary>
    public static async Task<(string? Owner, IResult? Denied)> OwnerAsync(
        KeelDbContext db, ClaimsPrincipal user, Guid? organizationId, OrganizationRole minimum, CancellationToken ct)
    {
        if (organizationId is not { } orgId) return (Billing.Subscription.AccountOwner(user.AccountIdOf()), null);
        var access = await CheckAsync(db, user, orgId, minimum, ct);
        return access.Denied is { } denied ? (null, denied) : (Billing.Subscription.OrganizationOwner(orgId), null);
    }
}
