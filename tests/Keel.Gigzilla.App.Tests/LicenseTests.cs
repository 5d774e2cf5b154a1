namespace Keel.Gigzilla.App.Tests;

/// <summary>Activation against a real Keel server, the Account page, and an ended license leaving the data readable.</summary>
[Collection(AppCollection.Name)]
public sealed class LicenseTests(AppFixture fixture)
{
    [Fact]
    public async Task First_start_shows_activation_and_a_trial_opens_the_dashboard()
    {
        using var data = new TempFolder();
        await using var app = await fixture.StartAppAsync(data.Path);
        var page = await fixture.OpenAsync(app, activate: false);

        await page.WaitForURLAsync("**/activate");
        (await page.Locator("h1").TextContentAsync()).ShouldBe("Get paid without chasing.");
        var email = fixture.NewEmail();
        await page.FillAsync("#trial-email", email);
        await page.ClickAsync("#trial-form button");
        await page.WaitForURLAsync(url => new Uri(url).AbsolutePath == "/");
        (await page.Locator("h1").TextContentAsync()).ShouldBe("Dashboard");
        (await page.Locator(".notice.ok").TextContentAsync())!.ShouldContain("Your trial has started");

        await page.GotoAsync(new Uri(app.Address, "/account").ToString());
        (await page.Locator("#plan").TextContentAsync())!.ShouldContain(email);
        (await page.Locator("#license-status").TextContentAsync()).ShouldBe("trial");
        (await page.Locator("#devices").TextContentAsync()).ShouldBe("1 of 2 devices");
        (await page.Locator("#referral-link").TextContentAsync())!.ShouldContain("ref=");
    }

    [Fact]
    public async Task The_same_email_cannot_start_a_second_trial_and_is_told_to_use_its_key()
    {
        using var data = new TempFolder();
        var email = fixture.NewEmail();
        using var http = new HttpClient { BaseAddress = fixture.Server.Address };
        (await http.PostAsync("/gigzilla/api/start-trial", System.Net.Http.Json.JsonContent.Create(new { email, machineId = "m1" }))).EnsureSuccessStatusCode();

        await using var app = await fixture.StartAppAsync(data.Path);
        var page = await fixture.OpenAsync(app, activate: false);
        await page.FillAsync("#trial-email", email);
        await page.ClickAsync("#trial-form button");
        (await page.Locator(".notice.error").TextContentAsync())!.ShouldContain("paste the license key");
    }

    [Fact]
    public async Task An_ended_trial_makes_the_app_read_only_but_the_data_stays_viewable_and_exportable()
    {
        using var data = new TempFolder();
        await using var app = await fixture.StartAppAsync(data.Path);
        var page = await fixture.OpenAsync(app);
        await WorkspaceFlowTests.AddAsync(page, "Brochure for Umbrella, €800");

        fixture.Time.Advance(TimeSpan.FromDays(30));
        await page.GotoAsync(new Uri(app.Address, "/account").ToString());
        await page.Locator("#plan").GetByText("Check now").ClickAsync();

        var banner = page.Locator("#readonly-banner");
        await banner.WaitForAsync();
        (await banner.TextContentAsync())!.ShouldContain("subscription has ended");
        (await page.Locator("#license-status").TextContentAsync()).ShouldBe("ended");

        await page.GotoAsync(new Uri(app.Address, "/pipeline").ToString());
        (await page.Locator("#column-to_start .card").AllTextContentsAsync()).ShouldHaveSingleItem().ShouldContain("Brochure");

        await page.FillAsync("#quick", "Flyer for Umbrella, €200");
        await page.PressAsync("#quick", "Enter");
        (await page.Locator("#readonly-refused").TextContentAsync())!.ShouldContain("read-only");
        await page.GotoAsync(new Uri(app.Address, "/pipeline").ToString());
        (await page.Locator(".card").CountAsync()).ShouldBe(1);

        var export = await page.APIRequest.GetAsync(new Uri(app.Address, "/export").ToString());
        export.Status.ShouldBe(200);
        export.Headers["content-type"].ShouldBe("application/zip");
        (await export.BodyAsync()).Length.ShouldBeGreaterThan(100);
    }
}
