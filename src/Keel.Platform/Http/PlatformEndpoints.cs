using Keel.Platform.Admin;
using Keel.Platform.Auth;
using Keel.Platform.Billing;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace Keel.Platform.Http;

/// <summary>
/// The platform's own handlers, for products whose seeds documented the same operations at other paths (seed 003's
/// <c>/auth/login</c>, <c>/api/me</c>, <c>/admin/grant</c>...). A product maps these rather than re-implementing them:
/// same behaviour, same request and response shapes as <c>/api/v1</c>, same authorization and rate limits.
/// </summary>
public static class PlatformEndpoints
{
    public static RouteHandlerBuilder MapSignInLink(this IEndpointRouteBuilder app, string pattern) =>
        app.MapPost(pattern, AuthApi.RequestMagicLinkAsync).AllowAnonymous();

    public static RouteHandlerBuilder MapSignInLinkVerification(this IEndpointRouteBuilder app, string pattern) =>
        app.MapPost(pattern, AuthApi.VerifyMagicLinkAsync).AllowAnonymous();

    public static RouteHandlerBuilder MapSignOut(this IEndpointRouteBuilder app, string pattern) =>
        app.MapPost(pattern, AuthApi.LogoutAsync).AllowAnonymous();

    public static RouteHandlerBuilder MapMe(this IEndpointRouteBuilder app, string pattern) =>
        app.MapGet(pattern, AuthApi.MeAsync).RequireAuthorization();

    public static RouteHandlerBuilder MapCheckout(this IEndpointRouteBuilder app, string pattern) =>
        app.MapPost(pattern, BillingApi.CheckoutAsync).RequireAuthorization();

    /// <summary>The customer portal for a GET (seed 003's <c>GET /api/portal</c>), for the account or <c>?organizationId=</c>.</summary>
    public static RouteHandlerBuilder MapPortal(this IEndpointRouteBuilder app, string pattern) =>
        app.MapGet(pattern, (Guid? organizationId, System.Security.Claims.ClaimsPrincipal user, Data.KeelDbContext db, IServiceProvider services,
                Microsoft.Extensions.Options.IOptions<KeelOptions> options, CancellationToken ct) =>
            BillingApi.PortalAsync(new BillingApi.PortalRequest(organizationId), user, db, services, options, ct)).RequireAuthorization();

    public static RouteHandlerBuilder MapAdminStats(this IEndpointRouteBuilder app, string pattern) =>
        app.MapGet(pattern, AdminApi.StatsAsync).RequireAuthorization(PlatformPolicies.Admin);

    public static RouteHandlerBuilder MapAdminUsers(this IEndpointRouteBuilder app, string pattern) =>
        app.MapGet(pattern, AdminApi.UsersAsync).RequireAuthorization(PlatformPolicies.Admin);

    public static RouteHandlerBuilder MapAdminGrant(this IEndpointRouteBuilder app, string pattern) =>
        app.MapPost(pattern, AdminApi.GrantAsync).RequireAuthorization(PlatformPolicies.Admin);
}
