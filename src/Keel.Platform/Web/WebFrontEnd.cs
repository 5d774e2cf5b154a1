using Keel.Platform.Data;
using Keel.Platform.Web.Layout;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.DataProtection.KeyManagement;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Keel.Platform.Web;

/// <summary>The server-rendered pages (Blazor static SSR): no interactivity, no script; every form posts with an
/// antiforgery token.</summary>
internal static class WebFrontEnd
{
    public static void AddWebFrontEnd(this IServiceCollection services, KeelOptions options)
    {
        services.AddRazorComponents();
        services.AddOptions<KeelWebOptions>();
        services.AddSingleton<IAuthorizationMiddlewareResultHandler, PageRefusal>();
        // Antiforgery tokens are sealed with Data Protection; its keys live in the database (sealed with the server
        // secret), so a restart does not invalidate open forms and instances on one database accept each other's forms.
        services.AddDataProtection().SetApplicationName("Keel");
        services.AddSingleton<IConfigureOptions<KeyManagementOptions>>(sp => new ConfigureOptions<KeyManagementOptions>(o =>
            o.XmlRepository = new DatabaseXmlRepository(sp.GetRequiredService<IServiceScopeFactory>(), sp.GetRequiredService<SecretBox>(),
                sp.GetRequiredService<TimeProvider>())));
        services.AddAntiforgery(o =>
        {
            o.Cookie.Name = "keel_csrf";
            o.Cookie.HttpOnly = true;
            o.Cookie.SameSite = SameSiteMode.Strict;
        });
    }

    public static void MapWebFrontEnd(this IEndpointRouteBuilder app)
    {
        var css = Stylesheet.Load();
        app.MapGet("/assets/keel.css", (HttpContext http) => Stylesheet.Serve(http, css)).AllowAnonymous().ExcludeFromDescription();

        var web = app.ServiceProvider.GetRequiredService<IOptions<KeelWebOptions>>().Value;
        app.MapRazorComponents<App>()
            .AddAdditionalAssemblies([.. web.PageAssemblies])
            .Add(endpoint =>
            {
                endpoint.Metadata.Add(WebPage.Instance);
                // Pages are for people; the OpenAPI document describes the API only.
                endpoint.Metadata.Add(new Microsoft.AspNetCore.Routing.ExcludeFromDescriptionAttribute());
            });
    }
}
