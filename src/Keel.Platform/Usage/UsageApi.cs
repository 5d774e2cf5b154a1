using System.Security.Claims;
using Keel.Platform.Auth;
using Keel.Platform.Billing;
using Keel.Platform.Data;
using Keel.Platform.Http;
using Keel.Platform.Organizations;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace Keel.Platform.Usage;

internal static class UsageApi
{
    public static void MapUsageApi(this RouteGroupBuilder api)
    {
        var usage = api.MapGroup("/usage").WithTags("Usage");
        usage.MapPost("/", RecordAsync).Produces<Quotas.Standing>(StatusCodes.Status201Created)
            .WithSummary("Record a metered use; 402 when it would exceed the plan");
        usage.MapGet("/", StandingAsync).Produces<IReadOnlyList<Quotas.Standing>>().WithSummary("Usage this month against each limit of the plan");
    }

    public sealed record RecordRequest(string? Product, string? Feature, long? Quantity, string? IdempotencyKey, Guid? OrganizationId);

    private static async Task<IResult> RecordAsync(RecordRequest request, ClaimsPrincipal user, KeelDbContext db, Quotas quotas, PlanCatalog plans,
        CancellationToken ct)
    {
        var validation = new Validation()
            .Check(request.Product is not null && plans.Products.Contains(request.Product), "product", "Unknown product.")
            .Required("feature", request.Feature, 64)
            .Required("idempotencyKey", request.IdempotencyKey, 128)
            .Check(request.Quantity is null or > 0 and <= 1_000_000, "quantity", "Between 1 and 1,000,000.");
        if (!validation.IsValid) return validation.ToResult();
        var (owner, denied) = await OrganizationAccess.OwnerAsync(db, user, request.OrganizationId, OrganizationRole.Member, ct);
        if (denied is not null) return denied;

        var outcome = await quotas.UseAsync(owner!, request.Product!, request.Feature!, request.Quantity ?? 1, request.IdempotencyKey!, ct);
        if (!outcome.Allowed)
            return TypedResults.Problem(statusCode: StatusCodes.Status402PaymentRequired, title: "Plan limit reached",
                detail: $"This would use {request.Quantity ?? 1} more {request.Feature} than the plan allows this month ({outcome.Standing.Used} of {outcome.Standing.Limit} used). Upgrade the plan, or wait for next month.",
                extensions: new Dictionary<string, object?> { ["plan"] = outcome.PlanId, ["used"] = outcome.Standing.Used, ["limit"] = outcome.Standing.Limit });
        return outcome.Duplicate ? TypedResults.Ok(outcome.Standing) : TypedResults.Created((string?)null, outcome.Standing);
    }

    internal static async Task<IResult> StandingAsync(string? product, Guid? organizationId, ClaimsPrincipal user, KeelDbContext db, Quotas quotas,
        PlanCatalog plans, CancellationToken ct)
    {
        if (product is null || !plans.Products.Contains(product)) return Problems.Invalid("product", "Unknown product.");
        var (owner, denied) = await OrganizationAccess.OwnerAsync(db, user, organizationId, OrganizationRole.Member, ct);
        if (denied is not null) return denied;
        var plan = await quotas.PlanOfAsync(owner!, product, ct);
        var standings = new List<Quotas.Standing>();
        foreach (var feature in plan?.Limits.Keys ?? [])
            standings.Add(await quotas.StandingAsync(owner!, product, feature, ct));
        return TypedResults.Ok(standings);
    }
}
