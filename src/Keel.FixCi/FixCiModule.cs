using Keel.FixCi.Api;
using Keel.FixCi.Data;
using Keel.FixCi.GitHub;
using Keel.FixCi.Runs;
using Keel.FixCi.Summaries;
using Microsoft.Extensions.Configuration;
using Keel.Platform.Billing;
using Keel.Platform.Jobs;
using Keel.Platform.Http;
using Keel.Platform.RateLimiting;
using Keel.Platform.Web;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace Keel.FixCi;

/// <summary>
/// FixCI under <c>/fixci</c>. Seed 003's auth, billing and admin routes are the platform's own handlers mapped at the
/// seed's paths (same shapes as <c>/api/v1</c>); <c>/analyze</c> is FixCI's engine, metered against the plan.
/// </summary>
public static class FixCiModule
{
    public const string Product = "fixci";

    /// <summary>Without a GitHub App configured (<c>Keel:FixCi:GitHub</c>), the analyser and seed routes still work and
    /// the webhook answers 503.</summary>
    public static IServiceCollection AddFixCi(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddProductLanding(FixCiLanding.Landing);
        services.AddKeelWebPages(typeof(FixCiModule).Assembly);
        services.AddDashboardSection(new DashboardSection("FixCI", Web.InstallationsPage.Href));
        var app = configuration.GetSection("Keel:FixCi:GitHub").Get<GitHubAppOptions>();
        if (app is null || string.IsNullOrWhiteSpace(app.AppId) || string.IsNullOrWhiteSpace(app.PrivateKeyPem)) return services;
        services.AddFixCiGitHubApp(app);
        if (configuration.GetSection("Keel:FixCi:Llm").Get<LlmOptions>() is { BaseUrl: not null } llm)
        {
            services.AddSingleton(llm);
            services.AddSingleton(sp => new RewriteSummaries(new HttpClient { Timeout = Timeout.InfiniteTimeSpan }, llm,
                sp.GetRequiredService<TimeProvider>(), sp.GetRequiredService<Microsoft.Extensions.Logging.ILogger<RewriteSummaries>>()));
        }
        services.AddSingleton<Installations.InstallState>();
        services.AddSingleton<WorkSignal<AnalysisJob>>();
        services.AddSingleton<AnalysisJobProcessor>();
        services.AddHostedService(sp => sp.GetRequiredService<AnalysisJobProcessor>());
        return services;
    }

    public static IEndpointRouteBuilder MapFixCi(this IEndpointRouteBuilder app)
    {
        var fixci = app.MapGroup("/fixci").WithTags("FixCI").WithKeelRateLimit();
        fixci.MapSignInLink("/auth/login").WithSummary("Seed 003: email a sign-in link (= POST /api/v1/auth/magic-link)");
        fixci.MapSignInLinkVerification("/auth/verify").WithSummary("Seed 003: redeem the link, set the session cookie");
        fixci.MapSignOut("/auth/logout").WithSummary("Seed 003: end the session");
        fixci.MapMe("/api/me").WithSummary("Seed 003: the signed-in user (= GET /api/v1/me)");
        fixci.MapCheckout("/api/checkout").WithSummary("Seed 003: start a Checkout (= POST /api/v1/billing/checkout)");
        fixci.MapPortal("/api/portal").WithSummary("Seed 003: the Stripe customer portal URL");
        fixci.MapAdminStats("/admin/stats").WithSummary("Seed 003: admin stats (= GET /api/v1/admin/stats)");
        fixci.MapAdminUsers("/admin/users").WithSummary("Seed 003: admin user list (= GET /api/v1/admin/users)");
        fixci.MapAdminGrant("/admin/grant").WithSummary("Seed 003: grant a plan (= POST /api/v1/admin/grants)");
        fixci.MapAnalyze();
        fixci.MapInstallationsApi();
        fixci.MapGitHubSetup();
        // GitHub delivers every installation's events from a few addresses and does not retry a refused delivery:
        // the per-IP limit must not apply. Deliveries are authenticated by their signature instead.
        app.MapGroup("/fixci").WithTags("FixCI").MapGitHubWebhook();
        app.MapStripeWebhook("/fixci/stripe/webhook");
        return app;
    }
}
