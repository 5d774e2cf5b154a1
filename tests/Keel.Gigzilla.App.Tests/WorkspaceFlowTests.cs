using Microsoft.Playwright;

namespace Keel.Gigzilla.App.Tests;

/// <summary>The daily flows in a real browser: quick entry, the pipeline board, invoicing and payments, settings.</summary>
[Collection(AppCollection.Name)]
public sealed class WorkspaceFlowTests(AppFixture fixture)
{
    [Fact]
    public async Task Quick_entry_shows_the_parse_live_then_creates_the_project()
    {
        using var data = new TempFolder();
        await using var app = await fixture.StartAppAsync(data.Path);
        var page = await fixture.OpenAsync(app);

        // Other tests move the shared clock forward; the deadline is two weeks from whatever today is.
        var today = DateOnly.FromDateTime(fixture.Time.GetUtcNow().UtcDateTime);
        var due = today.AddDays(14);
        var expected = $"Logo for Acme Corp · €1,500 · Due {due.ToString(due.Year == today.Year ? "MMM d" : "MMM d, yyyy", System.Globalization.CultureInfo.InvariantCulture)}";
        await page.Keyboard.PressAsync("/");
        (await page.EvaluateAsync<string>("document.activeElement.id")).ShouldBe("quick");
        await page.Keyboard.TypeAsync("Logo for Acme Corp, €1,500, 2 weeks");
        var preview = page.Locator("#quick-preview .summary");
        // The preview follows the typing; wait until it has caught up with the whole line.
        await Assertions.Expect(preview).ToHaveTextAsync(expected);
        await Assertions.Expect(page.Locator("#quick-preview [data-field=client]")).ToHaveTextAsync("Client: Acme Corp");

        await page.Keyboard.PressAsync("Enter");
        var created = page.Locator("#created");
        await created.WaitForAsync();
        (await created.TextContentAsync())!.ShouldContain($"Created: {expected}");
        await created.GetByText("Looks good").ClickAsync();

        await page.GotoAsync(new Uri(app.Address, "/pipeline").ToString());
        (await page.Locator("#column-to_start .card").AllTextContentsAsync()).ShouldHaveSingleItem().ShouldContain("Logo");

        // Ctrl+K focuses the quick entry too; a line without a title is refused with a clear message.
        await page.Locator("body").ClickAsync();
        await page.Keyboard.PressAsync("Control+k");
        (await page.EvaluateAsync<string>("document.activeElement.id")).ShouldBe("quick");
        await page.Keyboard.TypeAsync("€500");
        await page.Keyboard.PressAsync("Enter");
        (await page.Locator(".notice.error").TextContentAsync())!.ShouldContain("no project title");
    }

    [Fact]
    public async Task Edit_after_a_quick_entry_corrects_what_the_parser_understood()
    {
        using var data = new TempFolder();
        await using var app = await fixture.StartAppAsync(data.Path);
        var page = await fixture.OpenAsync(app);

        await page.Locator("#quick").FillAsync("Logo for Acme Corp, €1,500, 2 weeks");
        await page.Locator("#quick").PressAsync("Enter");
        await page.Locator("#created").GetByText("Edit").ClickAsync();
        await page.Locator("#e-amount").FillAsync("abc");
        await page.GetByText("Save changes").ClickAsync();
        (await page.Locator(".notice.error").TextContentAsync())!.ShouldContain("'abc' is not an amount");

        await page.Locator("#e-title").FillAsync("Logo and favicon");
        await page.Locator("#e-amount").FillAsync("1800");
        await page.Locator("#e-client").FillAsync("Globex");
        await page.GetByText("Save changes").ClickAsync();

        (await page.Locator(".notice").First.TextContentAsync())!.ShouldContain("Saved Logo and favicon");
        (await page.Locator("dl.facts").TextContentAsync())!.ShouldContain("Globex");
        (await page.Locator("dl.facts").TextContentAsync())!.ShouldContain("1,800");
    }

    [Fact]
    public async Task Drag_to_working_then_done_invoice_partial_payment_and_paid()
    {
        using var data = new TempFolder();
        await using var app = await fixture.StartAppAsync(data.Path);
        var page = await fixture.OpenAsync(app);
        await AddAsync(page, "Website for Globex, €2,000, Friday");
        await page.GotoAsync(new Uri(app.Address, "/pipeline").ToString());

        await page.Locator("#column-to_start .card").DragToAsync(page.Locator("#column-working"));
        await page.Locator("#column-working .card").WaitForAsync();
        await page.ReloadAsync();
        (await page.Locator("#column-working .card").CountAsync()).ShouldBe(1);
        (await page.Locator("#column-to_start .card").CountAsync()).ShouldBe(0);

        await page.Locator("#column-working .card").DragToAsync(page.Locator("#column-done"));
        var prompt = page.Locator("#invoice-prompt");
        await prompt.WaitForAsync();
        (await prompt.TextContentAsync())!.ShouldContain("Invoice €2,000 will be sent to Globex (add their email first)");
        (await prompt.TextContentAsync())!.ShouldContain("at 9:00");
        await prompt.GetByText("Send now").ClickAsync();

        await page.WaitForURLAsync("**/money**");
        var issued = await page.Locator(".notice.ok").TextContentAsync();
        issued!.ShouldContain("Invoice INV-2026-001 issued: €2,000");
        issued!.ShouldContain("Not emailed: client Globex has no email address");
        var row = page.Locator("tr[data-invoice='INV-2026-001']");
        (await row.Locator(".status").TextContentAsync()).ShouldBe("sent");
        var pdf = await page.APIRequest.GetAsync(new Uri(app.Address, await row.GetByText("PDF").GetAttributeAsync("href")).ToString());
        pdf.Headers["content-type"].ShouldBe("application/pdf");
        System.Text.Encoding.ASCII.GetString((await pdf.BodyAsync())[..5]).ShouldBe("%PDF-");

        await row.Locator("form.pay input[name=amount]").FillAsync("500");
        await row.GetByText("Record payment").ClickAsync();
        (await page.Locator(".notice.ok").TextContentAsync())!.ShouldContain("€1,500 still due");
        (await row.Locator(".status").TextContentAsync()).ShouldBe("partial");

        await row.GetByText("Record payment").ClickAsync();
        (await page.Locator(".notice.ok").TextContentAsync())!.ShouldContain("paid in full");
        (await row.Locator(".status").TextContentAsync()).ShouldBe("paid");
        (await page.Locator("#payments tbody tr").CountAsync()).ShouldBe(2);

        await page.GotoAsync(new Uri(app.Address, "/pipeline").ToString());
        (await page.Locator("#column-paid .card").AllTextContentsAsync()).ShouldHaveSingleItem().ShouldContain("Website");
        await page.GotoAsync(new Uri(app.Address, "/").ToString());
        (await page.Locator(".figure").First.TextContentAsync()).ShouldBe("€2,000");
    }

    [Fact]
    public async Task A_refused_payment_says_why_and_changes_nothing()
    {
        using var data = new TempFolder();
        await using var app = await fixture.StartAppAsync(data.Path);
        var page = await fixture.OpenAsync(app);
        await AddAsync(page, "Retouching 40 photos for Initech, $300");
        await page.GotoAsync(new Uri(app.Address, "/pipeline").ToString());
        await page.Locator("#column-to_start .card").DragToAsync(page.Locator("#column-done"));
        await page.Locator("#invoice-prompt").GetByText("Send now").ClickAsync();
        await page.WaitForURLAsync("**/money**");

        var row = page.Locator("tr[data-invoice='INV-2026-001']");
        await row.Locator("form.pay input[name=amount]").FillAsync("400");
        await row.GetByText("Record payment").ClickAsync();
        (await page.Locator(".notice.error").TextContentAsync())!.ShouldContain("more than the $300 still due");
        (await row.Locator(".status").TextContentAsync()).ShouldBe("sent");
    }

    [Fact]
    public async Task A_settings_change_saves_at_once_and_survives_a_restart()
    {
        using var data = new TempFolder();
        await using (var app = await fixture.StartAppAsync(data.Path))
        {
            var page = await fixture.OpenAsync(app);
            await page.GotoAsync(new Uri(app.Address, "/settings").ToString());
            await page.FillAsync("#f-invoiceDueDays", "30");
            await page.Locator("#f-invoiceDueDays").BlurAsync();
            await page.Locator("form[data-key=invoiceDueDays] .saved.ok").WaitForAsync();

            await page.FillAsync("#f-businessName", "Studio Nord");
            await page.Locator("#f-businessName").BlurAsync();
            await page.Locator("form[data-key=businessName] .saved.ok").WaitForAsync();

            await page.FillAsync("#f-currency", "euro");
            await page.Locator("#f-currency").BlurAsync();
            (await page.Locator("form[data-key=currency] .saved.error").TextContentAsync())!.ShouldContain("not an ISO code");
            await page.Context.CloseAsync();
        }

        await using var restarted = await fixture.StartAppAsync(data.Path);
        var again = await fixture.OpenAsync(restarted, activate: false);
        await again.GotoAsync(new Uri(restarted.Address, "/settings").ToString());
        (await again.InputValueAsync("#f-invoiceDueDays")).ShouldBe("30");
        (await again.InputValueAsync("#f-businessName")).ShouldBe("Studio Nord");
        (await again.InputValueAsync("#f-currency")).ShouldBe("EUR");
    }

    internal static async Task AddAsync(IPage page, string line)
    {
        await page.FillAsync("#quick", line);
        await page.PressAsync("#quick", "Enter");
        await page.Locator("#created").WaitForAsync();
    }
}
