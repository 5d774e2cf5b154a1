using Microsoft.Playwright;

namespace Keel.Gigzilla.App.Tests;

/// <summary>
/// Renders every view of a small workspace and saves it as a PNG: to a temp folder, or with
/// <c>GIGZILLA_SCREENSHOTS=1</c> to <c>docs/screenshots/gigzilla-*.png</c> (how the README's pictures are made).
/// </summary>
[Collection(AppCollection.Name)]
public sealed class ScreenshotTests(AppFixture fixture)
{
    [Fact]
    public async Task Every_view_renders_and_is_saved_as_a_png()
    {
        using var data = new TempFolder();
        var folder = Environment.GetEnvironmentVariable("GIGZILLA_SCREENSHOTS") == "1"
            ? Path.Combine(Keel.Testing.RepositoryRoot.Find(), "docs", "screenshots")
            : Path.Combine(data.Path, "screenshots");
        Directory.CreateDirectory(folder);
        await using var app = await fixture.StartAppAsync(data.Path);

        var page = await fixture.OpenAsync(app, activate: false);
        await page.WaitForURLAsync("**/activate");
        await Save(page, folder, "activation");
        await page.FillAsync("#trial-email", fixture.NewEmail());
        await page.ClickAsync("#trial-form button");
        await page.WaitForURLAsync(url => new Uri(url).AbsolutePath == "/");

        foreach (var line in new[]
        {
            "Logo for Acme Corp, €1,500, 2 weeks", "Website redesign for Globex, €4,200, end of month", "Blog posts x4 for Initech, $800, Friday",
            "Brand guidelines for Umbrella, €2,400, in 10 days", "Retouching 40 photos for Hooli, £600, tomorrow", "Newsletter template for Acme Corp, €350",
        })
        {
            await WorkspaceFlowTests.AddAsync(page, line);
        }

        await page.GotoAsync(new Uri(app.Address, "/pipeline").ToString());
        await page.Locator("#column-to_start .card", new() { HasText = "Website redesign" }).DragToAsync(page.Locator("#column-working"));
        await page.Locator("#column-working .card").WaitForAsync();
        await page.Locator("#column-to_start .card", new() { HasText = "Brand guidelines" }).DragToAsync(page.Locator("#column-working"));
        await page.Locator("#column-working .card", new() { HasText = "Brand guidelines" }).WaitForAsync();
        foreach (var title in new[] { "Newsletter template", "Blog posts", "Logo" })
        {
            await page.GotoAsync(new Uri(app.Address, "/pipeline").ToString());
            await page.Locator(".card", new() { HasText = title }).DragToAsync(page.Locator("#column-done"));
            await page.Locator("#invoice-prompt").GetByText("Send now").ClickAsync();
            await page.WaitForURLAsync("**/money**");
        }

        var paid = page.Locator("tr", new() { HasText = "Newsletter template" });
        await paid.GetByText("Record payment").ClickAsync();
        var partial = page.Locator("tr", new() { HasText = "Logo" });
        await partial.Locator("form.pay input[name=amount]").FillAsync("500");
        await partial.GetByText("Record payment").ClickAsync();

        await page.GotoAsync(new Uri(app.Address, "/pipeline").ToString());
        await Save(page, folder, "pipeline");
        await page.GotoAsync(new Uri(app.Address, "/").ToString());
        (await page.Locator("#what-matters-now").TextContentAsync())!.ShouldNotBeEmpty();
        await page.FillAsync("#quick", "Pitch deck for Stark Industries, $3,000, next Friday");
        await page.Locator("#quick-preview .summary").WaitForAsync();
        await Save(page, folder, "dashboard");
        await page.GotoAsync(new Uri(app.Address, "/money").ToString());
        await Save(page, folder, "money");
        await page.GotoAsync(new Uri(app.Address, "/clients").ToString());
        (await page.Locator("#clients tbody tr").CountAsync()).ShouldBe(5);
        await Save(page, folder, "clients");
        await page.GotoAsync(new Uri(app.Address, "/settings").ToString());
        await Save(page, folder, "settings");
        await page.GotoAsync(new Uri(app.Address, "/account").ToString());
        await Save(page, folder, "account");

        foreach (var view in new[] { "activation", "dashboard", "pipeline", "money", "clients", "settings", "account" })
        {
            new FileInfo(Path.Combine(folder, $"gigzilla-{view}.png")).Length.ShouldBeGreaterThan(10_000);
        }
    }

    private static Task Save(IPage page, string folder, string view) =>
        page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(folder, $"gigzilla-{view}.png"), FullPage = view != "dashboard" });
}
