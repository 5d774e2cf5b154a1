using System.Text.Json;
using System.Text.Json.Serialization;
using Keel.Platform.Admin;
using Keel.Platform.ApiKeys;
using Keel.Platform.Audit;
using Keel.Platform.Auth;
using Keel.Platform.Data;
using Keel.Platform.Email;
using Keel.Platform.Billing;
using Keel.Platform.Http;
using Keel.Platform.Jobs;
using Keel.Platform.Licensing;
using Keel.Platform.Organizations;
using Keel.Platform.RateLimiting;
using Keel.Platform.Usage;
using Keel.Platform.Waitlist;
using Keel.Platform.Web;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using StackExchange.Redis;

namespace Keel.Platform;

/// <summary>The platform's public surface: the host calls <see cref="AddKeelPlatform{TSqlite,TPostgres}"/> and
/// <see cref="MapKeelPlatform"/>, and product modules build on what they register.</summary>
public static class KeelPlatform
{
    public static IServiceCollection AddKeelPlatform<TSqlite, TPostgres>(this IServiceCollection services, IConfiguration configuration)
        where TSqlite : KeelDbContext
        where TPostgres : KeelDbContext
    {
        services.AddOptions<KeelOptions>().Bind(configuration.GetSection(KeelOptions.Section));
        var options = configuration.GetSection(KeelOptions.Section).Get<KeelOptions>() ?? new KeelOptions();

        services.TryAddSingleton(TimeProvider.System);
        services.AddHttpContextAccessor();

        // Pooled contexts: a request rents one whose internal services are already resolved, instead of building
        // options and a context service scope on every request. KeelDbContext holds no state of its own to reset.
        if (options.Database.Provider == DatabaseProvider.Postgres)
        {
            var connectionString = options.Database.ConnectionString
                ?? throw new InvalidOperationException("Keel:Database:ConnectionString is required when the provider is Postgres.");
            services.AddDbContextPool<KeelDbContext, TPostgres>((sp, o) => o.UseNpgsql(connectionString).AddInterceptors(InterceptorsOf(sp)));
        }
        else
        {
            var connectionString = options.Database.ConnectionString ?? $"Data Source={Path.Combine(options.DataDirectory, "keel.db")}";
            services.AddDbContextPool<KeelDbContext, TSqlite>((sp, o) => o.UseSqlite(connectionString).AddInterceptors(InterceptorsOf(sp)));
        }

        services.ConfigureHttpJsonOptions(o =>
        {
            o.SerializerOptions.UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow;
            o.SerializerOptions.Converters.Add(new JsonStringEnumConverter(JsonNamingPolicy.CamelCase));
        });
        services.Configure<RouteHandlerOptions>(o => o.ThrowOnBadRequest = true);
        services.AddProblemDetails();
        services.AddExceptionHandler<BadRequestExceptionHandler>();

        services.AddAuthentication(KeelClaims.Scheme)
            .AddScheme<AuthenticationSchemeOptions, KeelAuthenticationHandler>(KeelClaims.Scheme, null);
        services.AddAuthorizationBuilder()
            .AddPolicy(PlatformPolicies.Admin, p => p.RequireAuthenticatedUser().RequireClaim(KeelClaims.Admin, "true"));
        services.AddSingleton<ServerSecrets>();
        services.AddSingleton<SecretBox>();
        services.AddSingleton<AccessTokens>();
        services.AddSingleton<ApiKeyAuthenticator>();
        services.AddScoped<SignIn>();
        services.AddScoped<MagicLinks>();
        services.AddScoped<Invitations>();
        services.AddScoped<AuditLog>();
        services.AddSingleton(sp => PlanCatalog.FromOptions(sp.GetRequiredService<IOptions<KeelOptions>>()));
        services.AddSingleton<OfflineTokens>();
        services.AddSingleton<ValidationCache>();
        services.AddSingleton<ValidationCache.Invalidator>();
        services.AddScoped<Licenses>();
        services.AddScoped<LicenseTokens>();
        services.AddSingleton<WorkSignal<StripeEventRecord>>();
        services.AddScoped<ReferralCodes>();
        services.AddScoped<ReferralStats>();
        services.AddScoped<Quotas>();
        services.AddScoped<CheckoutProof>();
        if (options.Stripe.IsConfigured)
        {
            services.AddSingleton(new Stripe.StripeClient(options.Stripe.SecretKey, apiBase: options.Stripe.ApiBase));
            services.AddScoped<SubscriptionSync>();
            services.AddScoped<BillingNotices>();
            services.AddScoped<StripeEventHandler>();
            services.AddScoped<Referrals>();
            services.AddSingleton<StripeEventProcessor>();
            services.AddHostedService(sp => sp.GetRequiredService<StripeEventProcessor>());
        }

        if (string.IsNullOrWhiteSpace(options.Redis))
        {
            services.AddSingleton<RateLimitStore, InMemoryRateLimitStore>();
        }
        else
        {
            var redisOptions = ConfigurationOptions.Parse(options.Redis);
            redisOptions.AbortOnConnectFail = false;
            services.AddSingleton<IConnectionMultiplexer>(_ => ConnectionMultiplexer.Connect(redisOptions));
            services.AddSingleton<RateLimitStore, RedisRateLimitStore>();
        }
        services.AddSingleton<RateLimits>();
        services.AddScoped<ApiRateLimitFilter>();

        services.AddSingleton<WorkSignal<OutboxMessage>>();
        services.AddScoped<Mailer>();
        if (string.IsNullOrWhiteSpace(options.Smtp.Host))
            services.AddSingleton<MailTransport, FileMailTransport>();
        else
            services.AddSingleton<MailTransport, SmtpMailTransport>();
        services.AddSingleton<OutboxSender>();
        services.AddHostedService(sp => sp.GetRequiredService<OutboxSender>());
        services.AddWebFrontEnd(options);
        return services;
    }

    /// <summary>Error handling, authentication and the request-size limit, in the order they must run.</summary>
    public static WebApplication UseKeelPlatform(this WebApplication app)
    {
        var limit = app.Services.GetRequiredService<IOptions<KeelOptions>>().Value.Limits.MaxRequestBodyBytes;
        app.UseExceptionHandler();
        app.UseStatusCodePages();
        app.Use((context, next) =>
        {
            // Kestrel then answers 413 as soon as a body is read past the limit (or announced larger).
            var feature = context.Features.Get<Microsoft.AspNetCore.Http.Features.IHttpMaxRequestBodySizeFeature>();
            if (feature is { IsReadOnly: false }) feature.MaxRequestBodySize = limit;
            return next(context);
        });
        app.UseAuthentication();
        app.UseAuthorization();
        app.UseAntiforgery();
        return app;
    }

    /// <summary>Maps <c>/health</c>, the email-link pages, the web front end's pages and the platform API under <c>/api/v1</c>.</summary>
    public static RouteGroupBuilder MapKeelPlatform(this IEndpointRouteBuilder app)
    {
        app.MapHealthApi();
        app.MapMagicLinkPage();
        app.MapInvitationPage();
        app.MapWebFrontEnd();

        var api = app.MapGroup("/api/v1").RequireAuthorization().WithKeelRateLimit();
        api.MapAuthApi();
        api.MapApiKeysApi();
        api.MapOrganizationsApi();
        api.MapInvitationsApi();
        api.MapAuditApi();
        api.MapAdminApi();
        api.MapWaitlistApi();
        api.MapLicensesApi(app);
        api.MapBillingApi(app);
        api.MapUsageApi();
        return api;
    }

    private static IInterceptor[] InterceptorsOf(IServiceProvider services) => [services.GetRequiredService<ValidationCache.Invalidator>()];

    /// <summary>Applies pending migrations of the configured provider.</summary>
    public static async Task MigrateKeelDatabaseAsync(this IServiceProvider services, CancellationToken ct = default)
    {
        var options = services.GetRequiredService<IOptions<KeelOptions>>().Value;
        if (options.Database.Provider == DatabaseProvider.Sqlite) Directory.CreateDirectory(options.DataDirectory);
        await using var scope = services.CreateAsyncScope();
        await scope.ServiceProvider.GetRequiredService<KeelDbContext>().Database.MigrateAsync(ct);
    }
}
