using System.Security.Claims;
using Keel.Platform.Audit;
using Keel.Platform.Auth;
using Keel.Platform.Billing;
using Keel.Platform.Http;
using Keel.Platform.Licensing;
using Keel.Platform.Data;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;

namespace Keel.Platform.Admin;

internal static class AdminApi
{
    public static void MapAdminApi(this RouteGroupBuilder api)
    {
        var admin = api.MapGroup("/admin").WithTags("Admin").RequireAuthorization(PlatformPolicies.Admin);
        admin.MapGet("/stats", StatsAsync).Produces<StatsResponse>().WithSummary("Accounts, organizations and signups per day (last 30 days)");
        admin.MapGet("/billing", BillingStatsAsync).Produces<BillingStats>()
            .WithSummary("MRR per currency, active subscriptions, trials, trial conversion and churn (last 30 days)");
        admin.MapPost("/grants", GrantAsync).Produces<GrantResponse>(StatusCodes.Status201Created)
            .WithSummary("Grant a plan without Stripe (seed 003's /admin/grant); creates the account if needed");
        admin.MapGet("/users", UsersAsync).Produces<UsersPage>().WithSummary("Accounts, newest first; q searches email and name");
    }

    public sealed record SignupDay(DateOnly Date, int Count);
    public sealed record StatsResponse(int Accounts, int Organizations, int SignupsLast30Days, IReadOnlyList<SignupDay> SignupsPerDay);
    public sealed record UserDto(Guid Id, string Email, string? DisplayName, bool IsAdmin, DateTimeOffset CreatedAt, DateTimeOffset? LastSignInAt);
    public sealed record BillingStats(IReadOnlyDictionary<string, decimal> MrrByCurrency, int ActiveSubscriptions, int Trialing, int PastDue,
        int CanceledLast30Days, double? TrialConversion, double? ChurnLast30Days);

    /// <summary>From the subscriptions Keel mirrors: MRR counts active and past-due paid subscriptions at their plan's
    /// monthly price; trial conversion is the share of ended trials that became paying; churn is cancellations in the
    /// last 30 days over the subscriptions paying 30 days ago.</summary>
    internal static async Task<BillingStats> BillingStatsAsync(KeelDbContext db, PlanCatalog plans, TimeProvider time, CancellationToken ct)
    {
        var now = time.GetUtcNow();
        var monthAgo = now.AddDays(-30);
        var rows = await db.Subscriptions.AsNoTracking().Where(s => s.Source == SubscriptionSource.Stripe).ToListAsync(ct);
        var paying = rows.Where(s => s.Status is SubscriptionStatus.Active or SubscriptionStatus.PastDue).ToList();
        var mrr = paying.Select(s => plans.Find(s.PlanId)).Where(p => p is not null)
            .GroupBy(p => p!.Currency).ToDictionary(g => g.Key, g => g.Sum(p => p!.MonthlyRevenue));
        var trialsEnded = rows.Where(s => s.TrialEndsAt is { } end && end <= now).ToList();
        var converted = trialsEnded.Count(s => s.Status is SubscriptionStatus.Active or SubscriptionStatus.PastDue);
        var canceledRecently = rows.Count(s => s.CanceledAt >= monthAgo);
        var payingMonthAgo = paying.Count(s => s.CreatedAt <= monthAgo) + canceledRecently;
        return new BillingStats(mrr, paying.Count, rows.Count(s => s.Status == SubscriptionStatus.Trialing),
            rows.Count(s => s.Status == SubscriptionStatus.PastDue), canceledRecently,
            trialsEnded.Count == 0 ? null : (double)converted / trialsEnded.Count,
            payingMonthAgo == 0 ? null : (double)canceledRecently / payingMonthAgo);
    }

    public sealed record GrantRequest(string? Email, string? PlanId, Guid? OrganizationId, int? Days);
    public sealed record GrantResponse(Guid SubscriptionId, string Owner, string PlanId, DateTimeOffset? AccessEndsAt, string? LicenseKey);

    internal static async Task<IResult> GrantAsync(GrantRequest request, KeelDbContext db, PlanCatalog plans, Licenses licenses, SignIn signIn,
        TimeProvider time, ClaimsPrincipal user, AuditLog audit, CancellationToken ct)
    {
        var plan = request.PlanId is { Length: <= 64 } id ? plans.Find(id) : null;
        var validation = new Validation().Email("email", request.Email).Check(plan is not null, "planId", "No plan has this id.")
            .Check(request.Days is null or > 0 and <= 3660, "days", "Between 1 and 3660 days, or leave it out for no end.");
        if (!validation.IsValid) return validation.ToResult();
        if (request.OrganizationId is { } orgId && !await db.Organizations.AnyAsync(o => o.Id == orgId, ct)) return Problems.NotFound("Organization");

        var account = await signIn.FindOrCreateVerifiedAsync(request.Email!, ct);
        var owner = request.OrganizationId is { } org ? Subscription.OrganizationOwner(org) : Subscription.AccountOwner(account.Id);
        var now = time.GetUtcNow();
        DateTimeOffset? endsAt = request.Days is { } days ? now.AddDays(days) : null;
        var subscription = await db.Subscriptions.FirstOrDefaultAsync(s => s.Owner == owner && s.Product == plan!.Product, ct);
        if (subscription is null)
        {
            subscription = new Subscription { Id = Ids.New(time), Owner = owner, Product = plan!.Product, PlanId = plan.Id, Tier = plan.Tier, CreatedAt = now };
            db.Subscriptions.Add(subscription);
        }
        subscription.PlanId = plan!.Id;
        subscription.Tier = plan.Tier;
        subscription.Source = SubscriptionSource.Grant;
        subscription.Status = SubscriptionStatus.Active;
        subscription.AccessEndsAt = endsAt;
        subscription.UpdatedAt = now;

        string? key = null;
        if (plan.IsLicensedPerDevice && request.OrganizationId is null)
        {
            var license = await db.Licenses.FirstOrDefaultAsync(l => l.AccountId == account.Id && l.Product == plan.Product, ct);
            if (license is null) (license, key) = licenses.Create(account.Id, plan, LicenseState.Active, endsAt);
            license.MoveTo(plan, LicenseState.Active, endsAt, now);
        }
        audit.Record(AuditActions.PlanGranted, user.AccountIdOf(), request.OrganizationId, $"{plan.Id} to {account.Email}");
        await db.SaveChangesAsync(ct);
        return TypedResults.Created((string?)null, new GrantResponse(subscription.Id, owner, plan.Id, endsAt, key));
    }

    public sealed record UsersPage(IReadOnlyList<UserDto> Items, int Page, int PageSize, int Total);

    internal static async Task<StatsResponse> StatsAsync(KeelDbContext db, TimeProvider time, CancellationToken ct)
    {
        var today = DateOnly.FromDateTime(time.GetUtcNow().UtcDateTime);
        var since = new DateTimeOffset(today.AddDays(-29).ToDateTime(TimeOnly.MinValue), TimeSpan.Zero);
        // Grouped here rather than in SQL: SQLite stores times as ticks, and 30 days of signups is a small list.
        var recent = await db.Accounts.AsNoTracking().Where(a => a.CreatedAt >= since).Select(a => a.CreatedAt).ToListAsync(ct);
        var perDay = recent.GroupBy(c => DateOnly.FromDateTime(c.UtcDateTime)).ToDictionary(g => g.Key, g => g.Count());
        var days = Enumerable.Range(0, 30).Select(i => today.AddDays(i - 29))
            .Select(d => new SignupDay(d, perDay.GetValueOrDefault(d))).ToList();
        return new StatsResponse(await db.Accounts.CountAsync(ct), await db.Organizations.CountAsync(ct), recent.Count, days);
    }

    internal static async Task<UsersPage> UsersAsync(KeelDbContext db, string? q, int? page, int? pageSize, CancellationToken ct)
    {
        var (p, size) = Paging.Normalize(page, pageSize);
        var query = db.Accounts.AsNoTracking();
        if (!string.IsNullOrWhiteSpace(q))
        {
            var term = q.Trim().ToLowerInvariant();
            if (term.Length > Limits.Email) term = term[..Limits.Email];
            // Parameterised by EF; the pattern characters of LIKE are escaped so a search for "_" means "_".
            var pattern = "%" + term.Replace("\\", "\\\\").Replace("%", "\\%").Replace("_", "\\_") + "%";
            query = query.Where(a => EF.Functions.Like(a.NormalizedEmail, pattern, "\\")
                || (a.DisplayName != null && EF.Functions.Like(a.DisplayName.ToLower(), pattern, "\\")));
        }
        var total = await query.CountAsync(ct);
        var items = await query.OrderByDescending(a => a.CreatedAt).ThenByDescending(a => a.Id)
            .Skip((p - 1) * size).Take(size)
            .Select(a => new UserDto(a.Id, a.Email, a.DisplayName, a.IsAdmin, a.CreatedAt, a.LastSignInAt))
            .ToListAsync(ct);
        return new UsersPage(items, p, size, total);
    }
}
