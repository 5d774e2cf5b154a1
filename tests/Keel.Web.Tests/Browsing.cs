using Keel.Platform.Data;
using Keel.Testing;
using Keel.Testing.Browser;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace Keel.Web.Tests;

/// <summary>What a person does in the browser, as small steps the tests read like sentences.</summary>
public static class Browsing
{
    public static async Task<IPage> NewPageAsync(this KeelTestServer server, bool phone = false)
    {
        var context = await SharedChromium.NewContextAsync(server.Address.ToString(), phone);
        return await context.NewPageAsync();
    }

    /// <summary>Signs up through the password form; the page is left on the dashboard.</summary>
    public static async Task<string> SignUpWithPasswordAsync(this IPage page, string who = "user", string? email = null, string? name = null)
    {
        email ??= KeelApi.NewEmail(who);
        await page.GotoAsync("/signup");
        if (name is not null) await page.FillAsync("#name", name);
        await page.FillAsync("#email", email);
        await page.FillAsync("#new-password", KeelApi.Password);
        await page.ClickAsync("text=Create account");
        await page.WaitForURLAsync("**/dashboard");
        return email;
    }

    public static async Task SignInWithPasswordAsync(this IPage page, string email)
    {
        await page.GotoAsync("/signin");
        await page.FillAsync("#email", email);
        await page.FillAsync("#password", KeelApi.Password);
        await page.ClickAsync("form >> text=Sign in");
        await page.WaitForURLAsync("**/dashboard");
    }

    public static async Task<Guid> CreateOrganizationAsync(this IPage page, string name)
    {
        await page.GotoAsync("/dashboard");
        await page.FillAsync("#org-name", name);
        await page.ClickAsync("button:has-text('Create')");
        await page.WaitForURLAsync("**/dashboard/organizations/*");
        return Guid.Parse(page.Url.Split('/')[^1]);
    }

    public static async Task MakeAdminAsync(this KeelTestServer server, string email)
    {
        await using var scope = server.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<KeelDbContext>();
        var account = db.Accounts.Single(a => a.NormalizedEmail == Keel.Platform.Accounts.EmailAddress.Normalize(email));
        account.IsAdmin = true;
        await db.SaveChangesAsync();
    }

    public static async Task<string> MainTextAsync(this IPage page) => await page.InnerTextAsync("main");
}
