using System.Net;
using System.Text.RegularExpressions;
using Keel.Platform.Billing;
using Keel.Testing;
using Keel.Testing.Browser;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace Keel.Web.Tests;

/// <summary>The pages over plain HTTP: CSRF, headers, cookies, the sign-in redirect, pricing from the catalog, referrals.</summary>
public partial class PageSecurityTests(WebServer fixture) : IClassFixture<WebServer>
{
    private KeelTestServer Server => fixture.Server;

    [Fact]
    public async Task A_form_post_without_the_antiforgery_token_is_rejected()
    {
        var (_, _, email) = await Server.SignUpAsync();
        var client = Server.CreateClient();
        var response = await client.PostAsync("/signin", new FormUrlEncodedContent(
            [new("_handler", "password"), new("Email", email), new("Password", KeelApi.Password)]));
        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        response.Headers.Contains("Set-Cookie").ShouldBeFalse();

        // A token from someone else's session does not do either.
        var other = Server.CreateClient();
        var token = TokenOf(await other.GetStringAsync("/signin"));
        var forged = await client.PostAsync("/signin", new FormUrlEncodedContent(
            [new("_handler", "password"), new("__RequestVerificationToken", token), new("Email", email), new("Password", KeelApi.Password)]));
        forged.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
    }

    [Fact]
    public async Task Signing_in_with_the_token_sets_an_httponly_samesite_session_cookie()
    {
        var (_, _, email) = await Server.SignUpAsync();
        var client = Server.CreateClient();
        var token = TokenOf(await client.GetStringAsync("/signin"));
        var response = await client.PostAsync("/signin?returnUrl=%2Fdashboard%2Fusage", new FormUrlEncodedContent(
            [new("_handler", "password"), new("__RequestVerificationToken", token), new("Email", email), new("Password", KeelApi.Password)]));
        response.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        response.Headers.Location!.AbsolutePath.ShouldBe("/dashboard/usage");
        var session = response.Headers.GetValues("Set-Cookie").Single(c => c.StartsWith("keel_session="));
        session.ShouldContain("httponly");
        session.ShouldContain("samesite=lax");
    }

    [Fact]
    public async Task Sign_in_never_redirects_to_another_site()
    {
        var (_, _, email) = await Server.SignUpAsync();
        var client = Server.CreateClient();
        var token = TokenOf(await client.GetStringAsync("/signin"));
        var response = await client.PostAsync("/signin?returnUrl=%2F%2Fevil.example%2F", new FormUrlEncodedContent(
            [new("_handler", "password"), new("__RequestVerificationToken", token), new("Email", email), new("Password", KeelApi.Password)]));
        response.Headers.Location!.ToString().ShouldBe($"{Server.Address}dashboard");
    }

    [Fact]
    public async Task Pages_carry_the_security_headers_and_a_script_free_content_security_policy()
    {
        var response = await Server.CreateClient().GetAsync("/signin");
        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        var csp = response.Headers.GetValues("Content-Security-Policy").Single();
        csp.ShouldContain("default-src 'none'");
        csp.ShouldContain("frame-ancestors 'none'");
        csp.ShouldNotContain("script-src");
        response.Headers.GetValues("X-Frame-Options").Single().ShouldBe("DENY");
        response.Headers.GetValues("X-Content-Type-Options").Single().ShouldBe("nosniff");
        response.Headers.GetValues("Referrer-Policy").Single().ShouldBe("no-referrer");
        var csrf = response.Headers.GetValues("Set-Cookie").Single(c => c.StartsWith("keel_csrf="));
        csrf.ShouldContain("httponly");
        csrf.ShouldContain("samesite=strict");
        var html = await response.Content.ReadAsStringAsync();
        html.ShouldNotContain("<script");
        html.ShouldNotContain("style=\"");

        var css = await Server.CreateClient().GetAsync("/assets/keel.css");
        css.Content.Headers.ContentType!.MediaType.ShouldBe("text/css");
    }

    [Fact]
    public async Task Signed_in_pages_send_anonymous_visitors_to_sign_in_and_admin_pages_refuse_customers()
    {
        var anonymous = await Server.CreateClient().GetAsync("/dashboard/api-keys");
        anonymous.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        anonymous.Headers.Location!.ToString().ShouldBe("/signin?returnUrl=%2Fdashboard%2Fapi-keys");

        var admin = await Server.CreateClient().GetAsync("/admin");
        admin.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        admin.Headers.Location!.ToString().ShouldBe("/signin?returnUrl=%2Fadmin");

        // A signed-in customer reads an HTML page saying no, not the API's JSON, and nothing of the console.
        var (customer, _, email) = await Server.SignUpAsync();
        var refused = await customer.GetAsync("/admin/users");
        refused.StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        refused.Content.Headers.ContentType!.MediaType.ShouldBe("text/html");
        refused.Headers.GetValues("Content-Security-Policy").Single().ShouldBe(Keel.Platform.Web.WebPage.ContentSecurityPolicy);
        var html = WebUtility.HtmlDecode(await refused.Content.ReadAsStringAsync());
        html.ShouldContain("<title>Not allowed · Keel</title>");
        html.ShouldContain("<h1>Not allowed</h1>");
        html.ShouldContain($"signed in as <strong>{email}</strong>");
        html.ShouldNotContain("account(s)");
        html.ShouldNotContain("href=\"/admin/users\"");
        (await customer.GetAsync("/admin")).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        // The admin API still answers with ProblemDetails.
        (await customer.GetAsync("/api/v1/admin/users")).Content.Headers.ContentType!.MediaType.ShouldBe("application/problem+json");
        // The API still answers 401 rather than redirecting.
        (await Server.CreateClient().GetAsync("/api/v1/me")).StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task Landing_pricing_lists_the_plans_of_the_catalog_for_each_period()
    {
        var catalog = Server.Services.GetRequiredService<PlanCatalog>();
        var client = Server.CreateClient();
        foreach (var product in new[] { "gigzilla", "studio", "fixci", "market" })
        {
            var monthly = WebUtility.HtmlDecode(await client.GetStringAsync($"/{product}"));
            foreach (var plan in catalog.ForProduct(product).Where(p => p.Interval != "annual"))
                monthly.ShouldContain($"data-plan=\"{plan.Id}\"", customMessage: $"{plan.Id} on /{product}");
            foreach (var plan in catalog.ForProduct(product).Where(p => p.Interval == "annual"))
                monthly.ShouldNotContain($"data-plan=\"{plan.Id}\"");
        }

        var annual = WebUtility.HtmlDecode(await client.GetStringAsync("/gigzilla?billing=annual"));
        annual.ShouldContain("data-plan=\"gigzilla-pro-annual\"");
        annual.ShouldNotContain("data-plan=\"gigzilla-pro-monthly\"");
        annual.ShouldContain("€90");
        // Business has no annual price: it is still offered, monthly.
        annual.ShouldContain("data-plan=\"gigzilla-business-monthly\"");
        var fixci = WebUtility.HtmlDecode(await client.GetStringAsync("/fixci"));
        fixci.ShouldContain("$29");
        fixci.ShouldContain("1,000 analyses per month");
        // Routes ignore case; the product does not change with it.
        var shouted = WebUtility.HtmlDecode(await client.GetStringAsync("/FixCI"));
        shouted.ShouldContain("$29");
        shouted.ShouldContain("<h1>FixCI</h1>");
    }

    [Fact]
    public async Task A_referral_code_is_remembered_in_a_cookie_and_shown_as_an_invitation()
    {
        var (referrer, _, _) = await Server.SignUpAsync("referrer");
        var code = (await (await referrer.GetAsync("/api/v1/referrals")).JsonAsync())["referralCode"]!.GetValue<string>();

        var visitor = Server.CreateClient();
        var landing = await visitor.GetAsync($"/gigzilla?ref={code}");
        var cookie = landing.Headers.GetValues("Set-Cookie").Single(c => c.StartsWith("keel_ref="));
        cookie.ShouldStartWith($"keel_ref={code};");
        cookie.ShouldContain("httponly");
        WebUtility.HtmlDecode(await landing.Content.ReadAsStringAsync()).ShouldContain("You've been invited! Get 1 month free");

        var unknown = await Server.CreateClient().GetAsync("/gigzilla?ref=NOSUCHCODE");
        unknown.Headers.TryGetValues("Set-Cookie", out var cookies);
        (cookies ?? []).ShouldNotContain(c => c.StartsWith("keel_ref="));
        (await unknown.Content.ReadAsStringAsync()).ShouldNotContain("been invited");
    }

    [Fact]
    public async Task The_waitlist_form_joins_the_products_waitlist()
    {
        var client = Server.CreateClient();
        var token = TokenOf(await client.GetStringAsync("/studio"));
        var email = KeelApi.NewEmail("waiting");
        var response = await client.PostAsync("/studio", new FormUrlEncodedContent(
            [new("_handler", "waitlist"), new("__RequestVerificationToken", token), new("Email", email)]));
        (await response.Content.ReadAsStringAsync()).ShouldContain("on the list");
        await using var scope = Server.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<Keel.Platform.Data.KeelDbContext>();
        db.Waitlist.Count(w => w.Email == email && w.Product == "studio").ShouldBe(1);
    }

    [Fact]
    public async Task Signing_in_works_with_javascript_turned_off()
    {
        var (_, _, email) = await Server.SignUpAsync();
        var browser = await SharedChromium.GetAsync();
        await using var context = await browser.NewContextAsync(new BrowserNewContextOptions { BaseURL = Server.Address.ToString(), JavaScriptEnabled = false });
        var page = await context.NewPageAsync();
        await page.SignInWithPasswordAsync(email);
        await page.GotoAsync("/dashboard/api-keys");
        await page.FillAsync("#key-name", "no-js");
        await page.ClickAsync("text=Create key");
        (await page.InnerTextAsync("[data-testid=new-secret]")).ShouldStartWith("keel_");
    }

    [Fact]
    public async Task An_admin_sees_mail_the_server_refused_and_sends_it_again()
    {
        var id = Guid.CreateVersion7();
        await using (var scope = Server.Services.CreateAsyncScope())
        {
            var box = scope.ServiceProvider.GetRequiredService<Keel.Platform.Data.SecretBox>();
            var db = scope.ServiceProvider.GetRequiredService<Keel.Platform.Data.KeelDbContext>();
            db.OutboxMessages.Add(new Keel.Platform.Email.OutboxMessage
            {
                Id = id, To = "bounced@example.com", Subject = "Welcome", TextBody = box.Seal("Hello"), HtmlBody = box.Seal("<p>Hello</p>"),
                Kind = "welcome", CreatedAt = DateTimeOffset.UtcNow, Status = Keel.Platform.Email.OutboxStatus.Failed, Attempts = 1,
                NextAttemptAt = DateTimeOffset.UtcNow, LastError = "550 mailbox unavailable",
            });
            await db.SaveChangesAsync();
        }
        var (admin, _, email) = await Server.SignUpAsync("admin");
        await Server.MakeAdminAsync(email);

        var page = await admin.GetStringAsync("/admin/outbox");
        page.ShouldContain("bounced@example.com");
        page.ShouldContain("550 mailbox unavailable");
        page.ShouldContain("aria-label=\"Send again to bounced@example.com\"");
        var resent = await admin.PostAsync("/admin/outbox", new FormUrlEncodedContent(
            [new("_handler", $"resend-{id}"), new("__RequestVerificationToken", TokenOf(page))]));
        (await resent.Content.ReadAsStringAsync()).ShouldContain("Queued to be sent again");
        await Server.WaitForEmlAsync("bounced@example.com", "Welcome");
    }

    private static string TokenOf(string html) => WebUtility.HtmlDecode(TokenField().Match(html).Groups[1].Value);

    [GeneratedRegex("name=\"__RequestVerificationToken\" value=\"([^\"]+)\"")]
    private static partial Regex TokenField();
}
