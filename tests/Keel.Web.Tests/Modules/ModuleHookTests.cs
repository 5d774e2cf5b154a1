using System.Net;
using Keel.Platform.Web;
using Keel.Testing;

namespace Keel.Web.Tests.Modules;

/// <summary>A module extends the front end through the public hooks only: its landing words, its page and its
/// dashboard section render, and its page is protected like the platform's own.</summary>
public class ModuleHookTests : IAsyncLifetime
{
    private KeelTestServer server = null!;

    public async Task InitializeAsync() => server = await KeelTestServer.StartAsync(o => o.Services = services => services
        .AddProductLanding(new ProductLanding("studio", "Widget Studio", "Widgets, made while you sleep.", [new("Night shifts", "Runs at 3 am.")]))
        .AddKeelWebPages(typeof(WidgetsPage).Assembly)
        .AddDashboardSection(new DashboardSection("Widgets", WidgetsPage.Href, typeof(WidgetsSummary))));

    public async Task DisposeAsync() => await server.DisposeAsync();

    [Fact]
    public async Task A_modules_page_and_section_render_in_the_dashboard_and_its_page_needs_a_sign_in()
    {
        var anonymous = await server.CreateClient().GetAsync(WidgetsPage.Href);
        anonymous.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        anonymous.Headers.Location!.ToString().ShouldBe("/signin?returnUrl=%2Fdashboard%2Fwidgets");

        var page = await server.NewPageAsync();
        await page.SignUpWithPasswordAsync("widgeteer");
        var summary = await page.InnerTextAsync("[data-testid=widgets-summary]");
        summary.ShouldStartWith("No widgets yet for ");
        Guid.TryParse(summary["No widgets yet for ".Length..].TrimEnd('.'), out var accountId).ShouldBeTrue();
        accountId.ShouldNotBe(Guid.Empty);

        await page.ClickAsync("nav[aria-label=Dashboard] >> text=Widgets");
        await page.WaitForURLAsync($"**{WidgetsPage.Href}");
        (await page.InnerTextAsync("main h1")).ShouldBe("Your widgets");

        var response = await page.GotoAsync(WidgetsPage.Href);
        response!.Headers["content-security-policy"].ShouldBe(WebPage.ContentSecurityPolicy);
    }

    [Fact]
    public async Task A_modules_landing_words_replace_the_servers_placeholder()
    {
        var html = WebUtility.HtmlDecode(await server.CreateClient().GetStringAsync("/studio"));
        html.ShouldContain("<h1>Widget Studio</h1>");
        html.ShouldContain("Widgets, made while you sleep.");
        html.ShouldContain("Runs at 3 am.");
        html.ShouldContain("data-plan=\"studio-pro-monthly\"");
        WebUtility.HtmlDecode(await server.CreateClient().GetStringAsync("/")).ShouldContain("Widget Studio");
    }
}
