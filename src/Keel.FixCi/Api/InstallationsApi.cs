using System.Security.Claims;
using Keel.FixCi.Data;
using Keel.FixCi.GitHub;
using Keel.FixCi.Installations;
using Keel.FixCi.Runs;
using Keel.Platform.Audit;
using Keel.Platform.Auth;
using Keel.Platform.Data;
using Keel.Platform.Http;
using Keel.Platform.Organizations;
using Keel.Platform.Usage;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Keel.FixCi.Api;

/// <summary>
/// The GitHub installations linked to a Keel organization, their repositories' settings and the month's analyses
/// against the plan, for the dashboard. Reading needs membership, changing needs the admin role; someone outside the
/// organization gets 404 (<see cref="OrganizationAccess"/>).
/// </summary>
internal static class InstallationsApi
{
    public static void MapInstallationsApi(this RouteGroupBuilder fixci)
    {
        var org = fixci.MapGroup("/api/organizations/{organizationId:guid}").RequireAuthorization();
        org.MapGet("/installations", ListAsync).Produces<InstallationsDto>()
            .WithSummary("Linked GitHub installations, their repositories and settings, and this month's analyses vs the plan (members)");
        org.MapPost("/installations/install-url", InstallUrlAsync).Produces<InstallUrlDto>()
            .WithSummary("The GitHub install URL whose Setup redirect links the installation to this organization (admins)");
        org.MapDelete("/installations/{installationId:long}", UnlinkAsync).Produces(StatusCodes.Status204NoContent)
            .WithSummary("Unlink an installation: its analyses count against its own free plan again (admins)");
        org.MapPatch("/repositories/{repositoryId:long}", UpdateRepositoryAsync).Produces<RepositoryDto>()
            .WithSummary("Turn FixCI on or off for a repository, or choose its comment style: full or compact (admins)");
    }

    public sealed record InstallationsDto(UsageDto Usage, IReadOnlyList<InstallationDto> Installations);
    public sealed record UsageDto(string Feature, long Used, long? Limit, long? Remaining, string? Plan);
    public sealed record InstallationDto(long Id, string? Account, string? AccountType, bool Suspended, bool Removed, DateTimeOffset? LinkedAt,
        IReadOnlyList<RepositoryDto> Repositories);
    public sealed record RepositoryDto(long Id, string FullName, bool Enabled, string CommentStyle);
    public sealed record RepositorySettingsRequest(bool? Enabled, string? CommentStyle);
    public sealed record InstallUrlDto(Uri Url, DateTimeOffset ExpiresAt);

    internal static async Task<IResult> ListAsync(Guid organizationId, ClaimsPrincipal user, KeelDbContext db, Quotas quotas, CancellationToken ct)
    {
        var access = await OrganizationAccess.CheckAsync(db, user, organizationId, OrganizationRole.Member, ct);
        if (access.Denied is { } denied) return denied;
        var installations = await db.Set<Installation>().AsNoTracking().Where(i => i.OrganizationId == organizationId).ToListAsync(ct);
        var ids = installations.Select(i => i.Id).ToArray();
        var repositories = await db.Set<InstalledRepository>().AsNoTracking()
            .Where(r => ids.Contains(r.InstallationId) && r.RemovedAt == null).ToListAsync(ct);
        var owner = Keel.Platform.Billing.Subscription.OrganizationOwner(organizationId);
        var standing = await quotas.StandingAsync(owner, FixCiModule.Product, AnalysisJobProcessor.AnalysesFeature, ct);
        var plan = await quotas.PlanOfAsync(owner, FixCiModule.Product, ct);
        return TypedResults.Ok(new InstallationsDto(
            new UsageDto(standing.Feature, standing.Used, standing.Limit, standing.Remaining, plan?.Id),
            installations.OrderBy(i => i.AccountLogin, StringComparer.OrdinalIgnoreCase).ThenBy(i => i.Id).Select(i => new InstallationDto(
                i.Id, i.AccountLogin, i.AccountType, i.SuspendedAt is not null, i.DeletedAt is not null, i.LinkedAt,
                repositories.Where(r => r.InstallationId == i.Id).OrderBy(r => r.FullName, StringComparer.OrdinalIgnoreCase).Select(ToDto).ToList()))
                .ToList()));
    }

    internal static async Task<IResult> InstallUrlAsync(Guid organizationId, ClaimsPrincipal user, KeelDbContext db, IServiceProvider services,
        CancellationToken ct)
    {
        var access = await OrganizationAccess.CheckAsync(db, user, organizationId, OrganizationRole.Admin, ct);
        if (access.Denied is { } denied) return denied;
        if (services.GetService<GitHubAppOptions>() is not { } app || !GitHubSetup.IsConfigured(app))
            return NotConfigured();
        var state = services.GetRequiredService<InstallState>().Create(organizationId, user.AccountIdOf(), out var expiresAt);
        var url = new Uri(new Uri(app.WebBaseUrl.AbsoluteUri.TrimEnd('/') + "/"),
            $"apps/{Uri.EscapeDataString(app.AppSlug)}/installations/new?state={Uri.EscapeDataString(state)}");
        return TypedResults.Ok(new InstallUrlDto(url, expiresAt));
    }

    internal static async Task<IResult> UnlinkAsync(Guid organizationId, long installationId, ClaimsPrincipal user, KeelDbContext db, AuditLog audit,
        CancellationToken ct)
    {
        var access = await OrganizationAccess.CheckAsync(db, user, organizationId, OrganizationRole.Admin, ct);
        if (access.Denied is { } denied) return denied;
        var installation = await db.Set<Installation>().FirstOrDefaultAsync(i => i.Id == installationId && i.OrganizationId == organizationId, ct);
        if (installation is null) return Problems.NotFound("Installation");
        installation.OrganizationId = null;
        installation.LinkedAt = null;
        audit.Record(FixCiAudit.InstallationUnlinked, user.AccountIdOf(), organizationId, FixCiAudit.Describe(installation));
        await db.SaveChangesAsync(ct);
        return TypedResults.NoContent();
    }

    internal static async Task<IResult> UpdateRepositoryAsync(Guid organizationId, long repositoryId, RepositorySettingsRequest request,
        ClaimsPrincipal user, KeelDbContext db, AuditLog audit, CancellationToken ct)
    {
        var access = await OrganizationAccess.CheckAsync(db, user, organizationId, OrganizationRole.Admin, ct);
        if (access.Denied is { } denied) return denied;
        CommentStyle? style = null;
        if (request.CommentStyle is not null)
        {
            if (!Enum.TryParse<CommentStyle>(request.CommentStyle, ignoreCase: true, out var parsed) || !Enum.IsDefined(parsed)
                || request.CommentStyle.Any(char.IsDigit))
                return Problems.Invalid("commentStyle", "The comment style is full or compact.");
            style = parsed;
        }
        var repository = await db.Set<InstalledRepository>()
            .Where(r => r.Id == repositoryId && r.RemovedAt == null)
            .Join(db.Set<Installation>().Where(i => i.OrganizationId == organizationId), r => r.InstallationId, i => i.Id, (r, _) => r)
            .FirstOrDefaultAsync(ct);
        if (repository is null) return Problems.NotFound("Repository");
        if (request.Enabled is { } enabled) repository.Enabled = enabled;
        if (style is { } chosen) repository.CommentStyle = chosen;
        audit.Record(FixCiAudit.RepositoryUpdated, user.AccountIdOf(), organizationId,
            $"{repository.FullName}: {(repository.Enabled ? "on" : "off")}, {Name(repository.CommentStyle)} comments");
        await db.SaveChangesAsync(ct);
        return TypedResults.Ok(ToDto(repository));
    }

    internal static IResult NotConfigured() =>
        TypedResults.Problem(statusCode: StatusCodes.Status503ServiceUnavailable, title: "Linking GitHub installations is not configured",
            detail: "Set Keel:FixCi:GitHub:AppSlug, ClientId and ClientSecret, and turn on \"Request user authorization (OAuth) during installation\".");

    private static RepositoryDto ToDto(InstalledRepository r) => new(r.Id, r.FullName, r.Enabled, Name(r.CommentStyle));

    private static string Name(CommentStyle style) => style.ToString().ToLowerInvariant();
}

/// <summary>FixCI's audit actions; stable strings, since clients filter on them.</summary>
internal static class FixCiAudit
{
    public const string InstallationLinked = "fixci.installation_linked";
    public const string InstallationUnlinked = "fixci.installation_unlinked";
    public const string RepositoryUpdated = "fixci.repository_updated";

    public static string Describe(Installation installation) =>
        installation.AccountLogin is null ? $"GitHub installation {installation.Id}" : $"GitHub installation {installation.Id} ({installation.AccountLogin})";
}
