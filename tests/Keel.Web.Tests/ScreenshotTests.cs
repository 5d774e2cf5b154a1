using System.Net;
using Keel.Testing;
using Microsoft.Playwright;

namespace Keel.Web.Tests;

/// <summary>
/// Renders the main pages with realistic data and saves them as PNGs: into a temporary folder on every run (the test
/// checks they are real images), or into <c>KEEL_SCREENSHOTS</c> when set. The README's pictures come from
/// <c>KEEL_SCREENSHOTS=$PWD/docs/screenshots dotnet test tests/Keel.Web.Tests --filter Screenshot</c>.
/// </summary>
public class ScreenshotTests(WebServer fixture) : IClassFixture<WebServer>
{
    private KeelTestServer Server => fixture.Server;

    [Fact]
    public async Task Screenshots_of_the_main_pages_are_saved_as_png()
    {
        var folder = Environment.GetEnvironmentVariable("KEEL_SCREENSHOTS") is { Length: > 0 } configured
            ? configured
            : Directory.CreateTempSubdirectory("keel-screenshots-").FullName;
        Directory.CreateDirectory(folder);

        // A customer with a team, keys, metered use and a granted plan; an administrator; a few more signups.
        var page = await Server.NewPageAsync();
        var email = await page.SignUpWithPasswordAsync(email: "ada@example.com", name: "Ada");
        for (var i = 0; i < 4; i++) await Server.SignUpAsync("customer");
        var organizationId = await page.CreateOrganizationAsync("Acme Rockets");
        await page.FillAsync("#invite-email", "grace@example.com");
        await page.ClickAsync("text=Send invitation");
        var admin = await AdminAsync();
        (await admin.PostJsonAsync("/api/v1/admin/grants", new { email, planId = "fixci-pro-monthly", organizationId, days = 30 }))
            .StatusCode.ShouldBe(HttpStatusCode.Created);
        (await admin.PostJsonAsync("/api/v1/admin/grants", new { email, planId = "studio-pro-monthly", days = 30 })).StatusCode.ShouldBe(HttpStatusCode.Created);
        var api = await LoginAsync(email);
        for (var i = 0; i < 37; i++)
            await api.PostJsonAsync("/api/v1/usage", new { product = "studio", feature = i % 3 == 0 ? "ai_generations_per_month" : "uploads_per_month", idempotencyKey = $"shot-{i}" });
        for (var i = 0; i < 412; i++)
            await api.PostJsonAsync("/api/v1/usage", new { product = "fixci", feature = "analyses_per_month", organizationId, idempotencyKey = $"fix-{i}" });

        var shots = new List<string>();
        async Task ShootAsync(IPage p, string path, string name)
        {
            await p.GotoAsync(path);
            var file = Path.Combine(folder, name + ".png");
            await p.ScreenshotAsync(new PageScreenshotOptions { Path = file, FullPage = true });
            shots.Add(file);
        }

        var visitor = await Server.NewPageAsync();
        await ShootAsync(visitor, "/gigzilla", "landing-pricing");
        await ShootAsync(visitor, "/signin", "sign-in");
        await ShootAsync(page, "/dashboard", "dashboard");
        await ShootAsync(page, $"/dashboard/organizations/{organizationId}", "organization");
        await page.GotoAsync("/dashboard/api-keys");
        await page.FillAsync("#key-name", "CI server");
        await page.ClickAsync("text=Create key");
        var keyShot = Path.Combine(folder, "api-keys.png");
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = keyShot, FullPage = true });
        shots.Add(keyShot);
        await ShootAsync(page, $"/dashboard/usage?org={organizationId}", "usage");
        await ShootAsync(page, "/dashboard/billing", "billing");

        var adminPage = await Server.NewPageAsync();
        await adminPage.SignInWithPasswordAsync(adminEmail!);
        await ShootAsync(adminPage, "/admin", "admin-stats");

        var phone = await Server.NewPageAsync(phone: true);
        await ShootAsync(phone, "/fixci", "phone-landing");

        foreach (var file in shots)
        {
            var bytes = await File.ReadAllBytesAsync(file);
            bytes.Length.ShouldBeGreaterThan(10_000, file);
            bytes[..8].ShouldBe(new byte[] { 0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A }, file);
        }
    }

    private string? adminEmail;

    private async Task<HttpClient> AdminAsync()
    {
        var (client, _, email) = await Server.SignUpAsync("admin");
        await Server.MakeAdminAsync(email);
        adminEmail = email;
        return client;
    }

    private async Task<HttpClient> LoginAsync(string email)
    {
        var client = Server.CreateClient();
        (await client.PostJsonAsync("/api/v1/auth/login", new { email, password = KeelApi.Password })).StatusCode.ShouldBe(HttpStatusCode.OK);
        return client;
    }
}
