using System.Reflection;
using Microsoft.Extensions.DependencyInjection;

namespace Keel.Platform.Web;

/// <summary>
/// What product modules add to the shared web front end: their landing page's words, sections of the customer
/// dashboard, and assemblies holding their own pages (Razor components with <c>@page</c>). Configure it with
/// <see cref="KeelWebExtensions"/> from a module's <c>AddXxx</c>.
/// </summary>
public sealed class KeelWebOptions
{
    public Dictionary<string, ProductLanding> Landings { get; } = new(StringComparer.Ordinal);
    public List<DashboardSection> DashboardSections { get; } = [];
    public HashSet<Assembly> PageAssemblies { get; } = [];
}

/// <summary>A product's value proposition on its landing page (<c>/{product}</c>); the pricing table comes from the plan catalog.</summary>
/// <param name="Product">The product's slug, as in <c>plans.json</c> and the URL prefix.</param>
/// <param name="Name">The name shown to people.</param>
/// <param name="Tagline">One sentence: what it does for them.</param>
/// <param name="Features">A few short points, each a title and a sentence.</param>
/// <param name="WaitlistOpen">Shows the waitlist form (for products not yet open to everyone).</param>
public sealed record ProductLanding(string Product, string Name, string Tagline, IReadOnlyList<ProductFeature> Features, bool WaitlistOpen = true);

public sealed record ProductFeature(string Title, string Text);

/// <summary>
/// A section a module adds to the customer dashboard: a link in the dashboard's navigation to the module's own page
/// (a Razor component with <c>@page</c> at <paramref name="Href"/> in an assembly registered with
/// <see cref="KeelWebExtensions.AddKeelWebPages"/>), and optionally a summary component on the overview, which receives
/// the signed-in account's id as its <c>AccountId</c> parameter.
/// </summary>
public sealed record DashboardSection(string Title, string Href, Type? SummaryComponent = null);

public static class KeelWebExtensions
{
    /// <summary>A product has one landing and the first registration wins: a module registered before the server's
    /// placeholder words (for products that have no module yet) keeps its own.</summary>
    public static IServiceCollection AddProductLanding(this IServiceCollection services, ProductLanding landing) =>
        services.Configure<KeelWebOptions>(o => o.Landings.TryAdd(landing.Product, landing));

    public static IServiceCollection AddDashboardSection(this IServiceCollection services, DashboardSection section) =>
        services.Configure<KeelWebOptions>(o => o.DashboardSections.Add(section));

    /// <summary>Routes the Razor components with <c>@page</c> of <paramref name="assembly"/> alongside the platform's pages,
    /// with the same layout, security headers and sign-in redirect.</summary>
    public static IServiceCollection AddKeelWebPages(this IServiceCollection services, Assembly assembly) =>
        services.Configure<KeelWebOptions>(o => o.PageAssemblies.Add(assembly));
}
