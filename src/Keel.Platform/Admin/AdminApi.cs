using Keel.Platform.Auth;
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
        admin.MapGet("/users", UsersAsync).Produces<UsersPage>().WithSummary("Accounts, newest first; q searches email and name");
    }

    public sealed record SignupDay(DateOnly Date, int Count);
    public sealed record StatsResponse(int Accounts, int Organizations, int SignupsLast30Days, IReadOnlyList<SignupDay> SignupsPerDay);
    public sealed record UserDto(Guid Id, string Email, string? DisplayName, bool IsAdmin, DateTimeOffset CreatedAt, DateTimeOffset? LastSignInAt);
    public sealed record UsersPage(IReadOnlyList<UserDto> Items, int Page, int PageSize, int Total);

    private static async Task<StatsResponse> StatsAsync(KeelDbContext db, TimeProvider time, CancellationToken ct)
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

    private static async Task<UsersPage> UsersAsync(KeelDbContext db, string? q, int? page, int? pageSize, CancellationToken ct)
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
