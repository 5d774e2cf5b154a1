using Keel.Platform.Billing;
using Keel.Platform.RateLimiting;
using Keel.Platform.Web;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace Keel.Gigzilla.Api;

/// <summary>
/// Gigzilla's server side: the license routes seed 001's desktop client calls and seed 000's subscription check,
/// under <c>/gigzilla</c>, with the seeds' request and response shapes. The freelancer's data never comes here.
/// </summary>
public static class GigzillaModule
{
    public const string Product = "gigzilla";

    public static IServiceCollection AddGigzilla(this IServiceCollection services) => services.AddProductLanding(GigzillaLanding.Landing);

    public static IEndpointRouteBuilder MapGigzilla(this IEndpointRouteBuilder app)
    {
        var gigzilla = app.MapGroup("/gigzilla").WithTags("Gigzilla").AllowAnonymous().WithKeelRateLimit();
        gigzilla.MapHealth();
        gigzilla.MapStartTrial();
        gigzilla.MapValidate();
        gigzilla.MapLicenseInfo();
        gigzilla.MapVerify();
        gigzilla.MapReferralStats();
        // Seeds 000 and 001 both receive Stripe's events at /webhook/stripe; it is the platform's one webhook.
        app.MapStripeWebhook("/gigzilla/webhook/stripe");
        return app;
    }
}
