using System.Security.Claims;
using Keel.Platform.Auth;
using Keel.Platform.Data;
using Keel.Platform.Http;
using Keel.Platform.Organizations;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Stripe;

namespace Keel.Platform.Billing;

internal static class BillingApi
{
    public static void MapBillingApi(this RouteGroupBuilder api, IEndpointRouteBuilder root)
    {
        var billing = api.MapGroup("/billing").WithTags("Billing");
        billing.MapGet("/plans", (PlanCatalog plans, string? product) =>
                TypedResults.Ok(plans.Plans.Where(p => product is null || p.Product == product).ToList()))
            .AllowAnonymous().WithSummary("The plan catalog (for pricing pages)");
        billing.MapPost("/checkout", CheckoutAsync).Produces<CheckoutResponse>().WithSummary("Start a Stripe Checkout for a plan");
        billing.MapPost("/portal", PortalAsync).Produces<PortalResponse>().WithSummary("Open the Stripe customer portal");
        api.MapGet("/referrals", async (ClaimsPrincipal user, ReferralStats stats, string? product, CancellationToken ct) =>
                TypedResults.Ok(await stats.ForAsync(user.AccountIdOf(), product is { Length: > 0 and <= 32 } p && p.All(char.IsAsciiLetterLower) ? p : "gigzilla", ct)))
            .WithTags("Billing").Produces<ReferralStats.Stats>().WithSummary("Your referral code, link and what it has earned");
        billing.MapGet("/subscriptions", SubscriptionsAsync).Produces<IReadOnlyList<SubscriptionDto>>()
            .WithSummary("Subscriptions of the account and of its organizations");
        root.MapStripeWebhook("/api/v1/billing/stripe/webhook");
        root.MapGet("/billing/success", () => Page.Render("Thank you", "<p>Your subscription is being set up. You can close this page and return to the app.</p>"))
            .AllowAnonymous().ExcludeFromDescription();
        root.MapGet("/billing/cancel", () => Page.Render("Checkout canceled", "<p>Nothing was charged. You can close this page.</p>"))
            .AllowAnonymous().ExcludeFromDescription();
    }

    public sealed record CheckoutRequest(string? PlanId, Guid? OrganizationId, string? ReferralCode);
    public sealed record CheckoutResponse(string SessionId, string Url);
    public sealed record PortalRequest(Guid? OrganizationId);
    public sealed record PortalResponse(string Url);
    public sealed record SubscriptionDto(Guid Id, string Owner, string Product, string PlanId, string Tier, string Status, string Source,
        DateTimeOffset? TrialEndsAt, DateTimeOffset? CurrentPeriodEnd, DateTimeOffset? AccessEndsAt);

    private static IResult NotConfigured() => TypedResults.Problem(statusCode: StatusCodes.Status503ServiceUnavailable,
        title: "Billing is not configured", detail: "This server has no Stripe key (Keel:Stripe:SecretKey), so it cannot take payments. An administrator can grant plans instead.");

    internal static async Task<IResult> CheckoutAsync(CheckoutRequest request, ClaimsPrincipal user, KeelDbContext db, PlanCatalog plans,
        ReferralCodes referralCodes, IServiceProvider services, IOptions<KeelOptions> options, TimeProvider time, CancellationToken ct)
    {
        if (services.GetService<StripeClient>() is not { } stripe) return NotConfigured();
        var plan = request.PlanId is { Length: <= 64 } id ? plans.Find(id) : null;
        var validation = new Validation().Check(plan is not null, "planId", "No plan has this id; see GET /api/v1/billing/plans.")
            .Optional("referralCode", request.ReferralCode, 32);
        if (plan is not null && plan.StripeLookupKey is null && plan.StripePriceId is null) validation.Add("planId", "This plan is not sold through Checkout.");
        if (!string.IsNullOrWhiteSpace(request.ReferralCode) && request.ReferralCode.Length <= 32)
        {
            var referrer = await referralCodes.OwnerAsync(request.ReferralCode, ct);
            if (referrer is null) validation.Add("referralCode", "No account has this referral code.");
            else if (referrer.Id == user.AccountIdOf()) validation.Add("referralCode", "A referral code cannot be used by its own account.");
        }
        if (!validation.IsValid) return validation.ToResult();
        var (owner, denied) = await OrganizationAccess.OwnerAsync(db, user, request.OrganizationId, OrganizationRole.Admin, ct);
        if (denied is not null) return denied;

        var customerId = await CustomerIdAsync(stripe, db, owner!, user, time, ct);
        var priceId = plan!.StripePriceId ?? (await stripe.V1.Prices.ListAsync(
            new PriceListOptions { LookupKeys = [plan.StripeLookupKey!], Active = true }, cancellationToken: ct)).Data.FirstOrDefault()?.Id;
        if (priceId is null)
            return TypedResults.Problem(statusCode: StatusCodes.Status502BadGateway, title: "Price missing in Stripe",
                detail: $"Stripe has no active price with lookup key '{plan.StripeLookupKey}'.");

        var metadata = new Dictionary<string, string>
        {
            ["account_id"] = user.AccountIdOf().ToString(),
            ["product"] = plan.Product,
            ["plan_id"] = plan.Id,
        };
        if (request.OrganizationId is { } orgId) metadata["organization_id"] = orgId.ToString();
        if (!string.IsNullOrWhiteSpace(request.ReferralCode)) metadata["referral_code"] = request.ReferralCode.Trim().ToUpperInvariant();
        var baseUrl = options.Value.PublicUrl.TrimEnd('/');
        var session = await stripe.V1.Checkout.Sessions.CreateAsync(new Stripe.Checkout.SessionCreateOptions
        {
            Mode = "subscription",
            Customer = customerId,
            ClientReferenceId = owner,
            LineItems = [new Stripe.Checkout.SessionLineItemOptions { Price = priceId, Quantity = 1 }],
            SubscriptionData = new Stripe.Checkout.SessionSubscriptionDataOptions
            {
                TrialPeriodDays = plan.TrialDays > 0 ? plan.TrialDays : null,
                Metadata = metadata,
            },
            Metadata = metadata,
            SuccessUrl = $"{baseUrl}/billing/success?session_id={{CHECKOUT_SESSION_ID}}",
            CancelUrl = $"{baseUrl}/billing/cancel",
        }, cancellationToken: ct);
        return TypedResults.Ok(new CheckoutResponse(session.Id, session.Url));
    }

    private static async Task<string> CustomerIdAsync(StripeClient stripe, KeelDbContext db, string owner, ClaimsPrincipal user, TimeProvider time,
        CancellationToken ct)
    {
        if (await db.BillingCustomers.Where(c => c.Owner == owner).Select(c => c.StripeCustomerId).FirstOrDefaultAsync(ct) is { } existing) return existing;
        // The idempotency key makes a retried request (or a double click) reuse the customer Stripe already created.
        var customer = await stripe.V1.Customers.CreateAsync(new CustomerCreateOptions
        {
            Email = user.FindFirstValue(KeelClaims.Email),
            Metadata = new Dictionary<string, string> { ["owner"] = owner },
        }, new RequestOptions { IdempotencyKey = $"keel-customer-{owner}" }, ct);
        db.BillingCustomers.Add(new BillingCustomer { Owner = owner, StripeCustomerId = customer.Id, CreatedAt = time.GetUtcNow() });
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException)
        {
            db.ChangeTracker.Clear();
        }
        return customer.Id;
    }

    internal static async Task<IResult> PortalAsync(PortalRequest request, ClaimsPrincipal user, KeelDbContext db, IServiceProvider services,
        IOptions<KeelOptions> options, CancellationToken ct)
    {
        if (services.GetService<StripeClient>() is not { } stripe) return NotConfigured();
        var (owner, denied) = await OrganizationAccess.OwnerAsync(db, user, request.OrganizationId, OrganizationRole.Admin, ct);
        if (denied is not null) return denied;
        var customerId = await db.BillingCustomers.Where(c => c.Owner == owner).Select(c => c.StripeCustomerId).FirstOrDefaultAsync(ct);
        if (customerId is null) return Problems.NotFound("Billing account");
        var session = await stripe.V1.BillingPortal.Sessions.CreateAsync(new Stripe.BillingPortal.SessionCreateOptions
        {
            Customer = customerId,
            ReturnUrl = options.Value.PublicUrl,
        }, cancellationToken: ct);
        return TypedResults.Ok(new PortalResponse(session.Url));
    }

    internal static async Task<IReadOnlyList<SubscriptionDto>> SubscriptionsAsync(ClaimsPrincipal user, KeelDbContext db, CancellationToken ct)
    {
        var me = user.AccountIdOf();
        var owners = await db.Memberships.Where(m => m.AccountId == me).Select(m => m.OrganizationId).ToListAsync(ct);
        var keys = owners.Select(Subscription.OrganizationOwner).Append(Subscription.AccountOwner(me)).ToList();
        var rows = await db.Subscriptions.AsNoTracking().Where(s => keys.Contains(s.Owner)).ToListAsync(ct);
        return rows.OrderBy(s => s.Product).Select(s => new SubscriptionDto(s.Id, s.Owner, s.Product, s.PlanId, s.Tier,
            s.Status.ToString().ToLowerInvariant(), s.Source.ToString().ToLowerInvariant(), s.TrialEndsAt, s.CurrentPeriodEnd, s.AccessEndsAt)).ToList();
    }
}
