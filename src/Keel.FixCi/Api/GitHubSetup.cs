using System.Security.Claims;
using Keel.FixCi.Data;
using Keel.FixCi.GitHub;
using Keel.FixCi.Installations;
using Keel.Platform.Audit;
using Keel.Platform.Auth;
using Keel.Platform.Data;
using Keel.Platform.Http;
using Keel.Platform.Organizations;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Keel.FixCi.Api;

/// <summary>
/// The GitHub App's Setup URL, <c>GET /fixci/github/setup</c>: GitHub sends the installing user here with
/// <c>installation_id</c>, <c>setup_action</c>, the <c>state</c> of <see cref="InstallationsApi"/>'s install URL and,
/// with "Request user authorization (OAuth) during installation" on, an OAuth <c>code</c>. The installation is linked
/// to the state's organization only when the signed-in user is the one the state was made for, is still an admin
/// there, and GitHub confirms (code → user token → <c>GET /user/installations</c>) that they can access the
/// installation: query parameters alone prove nothing, anyone can type them. The user token is used once and kept nowhere.
/// </summary>
internal static class GitHubSetup
{
    public static void MapGitHubSetup(this RouteGroupBuilder fixci) =>
        fixci.MapGet("/github/setup", SetupAsync).RequireAuthorization()
            .WithSummary("GitHub App Setup URL: links the new installation to the organization of the signed state");

    public static bool IsConfigured(GitHubAppOptions app) =>
        !string.IsNullOrWhiteSpace(app.AppSlug) && !string.IsNullOrWhiteSpace(app.ClientId) && !string.IsNullOrWhiteSpace(app.ClientSecret);

    private static async Task<IResult> SetupAsync(HttpContext http, ClaimsPrincipal user, KeelDbContext db, AuditLog audit, TimeProvider time,
        IServiceProvider services, CancellationToken ct)
    {
        if (services.GetService<GitHubAppOptions>() is not { } app || !IsConfigured(app)) return InstallationsApi.NotConfigured();
        var query = http.Request.Query;
        if (query["setup_action"] == "request")
            return TypedResults.Accepted((string?)null, new { pending = true, detail = "An owner of the GitHub account must approve the installation first." });
        if (!long.TryParse(query["installation_id"], System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var installationId)
            || installationId <= 0)
            return Problems.Invalid("installation_id", "GitHub's installation id is missing.");
        if (services.GetRequiredService<InstallState>().Read(query["state"]) is not { } state)
            return Problems.Invalid("state", "The link is invalid or has expired: start again from the dashboard.");
        if (state.AccountId != user.AccountIdOf())
            return Problems.Forbidden("This installation link was started by another account.");
        var access = await OrganizationAccess.CheckAsync(db, user, state.OrganizationId, OrganizationRole.Admin, ct);
        if (access.Denied is { } denied) return denied;
        var code = query["code"].ToString();
        if (code.Length is 0 or > 100)
            return Problems.Invalid("code", "GitHub sent no authorization code: turn on \"Request user authorization (OAuth) during installation\" in the app's settings.");

        var api = services.GetRequiredService<GitHubApi>();
        string? userToken;
        (bool Found, GitHubAccount? Account) installation;
        try
        {
            userToken = await api.ExchangeOAuthCodeAsync(code, ct);
            if (userToken is null) return Problems.Invalid("code", "GitHub did not accept the authorization code; it may have been used already.");
            installation = await api.FindUserInstallationAsync(userToken, installationId, ct);
        }
        catch (Exception e) when (e is GitHubApiException or HttpRequestException)
        {
            return TypedResults.Problem(statusCode: StatusCodes.Status502BadGateway, title: "GitHub did not answer",
                detail: "The installation could not be checked with GitHub; try again.");
        }
        if (!installation.Found) return Problems.Forbidden("Your GitHub account cannot access this installation.");

        var now = time.GetUtcNow();
        var record = await db.Set<Installation>().FirstOrDefaultAsync(i => i.Id == installationId, ct);
        if (record is null)
        {
            record = new Installation { Id = installationId, CreatedAt = now };
            db.Set<Installation>().Add(record);
        }
        if (installation.Account is { } account)
        {
            record.AccountLogin = account.Login;
            record.AccountType = account.Type;
        }
        if (record.OrganizationId != state.OrganizationId)
        {
            if (record.OrganizationId is { } previous)
                audit.Record(FixCiAudit.InstallationUnlinked, user.AccountIdOf(), previous, FixCiAudit.Describe(record) + " (linked elsewhere)");
            record.OrganizationId = state.OrganizationId;
            record.LinkedAt = now;
            audit.Record(FixCiAudit.InstallationLinked, user.AccountIdOf(), state.OrganizationId, FixCiAudit.Describe(record));
        }
        await db.SaveChangesAsync(ct);
        var separator = app.SetupRedirect.Contains('?') ? '&' : '?';
        return TypedResults.Redirect($"{app.SetupRedirect}{separator}fixci_installation={installationId}");
    }
}
