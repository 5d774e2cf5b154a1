using System.Net;
using System.Net.Http.Headers;
using Keel.Testing;
using Microsoft.Playwright;

namespace Keel.Web.Tests;

/// <summary>The customer dashboard and the admin console, driven in Chromium against the real server.</summary>
public class DashboardTests(WebServer fixture) : IClassFixture<WebServer>
{
    private KeelTestServer Server => fixture.Server;

    [Fact]
    public async Task Sign_up_by_magic_link_create_an_organization_invite_and_accept()
    {
        var owner = await Server.NewPageAsync();
        var email = KeelApi.NewEmail("owner");
        await owner.GotoAsync("/signup");
        await owner.FillAsync("#magic-email", email);
        await owner.ClickAsync("text=Email me a sign-up link");
        (await owner.MainTextAsync()).ShouldContain("Check your inbox");

        var mail = await Server.WaitForEmlAsync(email);
        await owner.GotoAsync(Mailbox.LinkFrom(mail));
        await owner.ClickAsync("button:has-text('Sign in')");
        await owner.ClickAsync("text=Continue to your dashboard");
        await owner.WaitForURLAsync("**/dashboard");
        (await owner.MainTextAsync()).ShouldContain(email);

        var organizationId = await owner.CreateOrganizationAsync("Acme Rockets");
        (await owner.InnerTextAsync("h1")).ShouldBe("Acme Rockets");

        var inviteeEmail = KeelApi.NewEmail("invitee");
        await owner.FillAsync("#invite-email", inviteeEmail);
        await owner.SelectOptionAsync("#invite-role", "admin");
        await owner.ClickAsync("text=Send invitation");
        (await owner.MainTextAsync()).ShouldContain($"Invitation sent to {inviteeEmail}");
        (await owner.InnerTextAsync("#invite-title + form + .table-wrap")).ShouldContain(inviteeEmail);
        (await owner.Locator($"button[aria-label='Revoke invitation of {inviteeEmail}']").CountAsync()).ShouldBe(1);
        (await owner.Locator("button[aria-label='Leave Acme Rockets']").CountAsync()).ShouldBe(1);

        // The invitee, in a browser of their own, follows the emailed link.
        var invitee = await Server.NewPageAsync();
        var invitation = await Server.WaitForEmlAsync(inviteeEmail, subject: $"{email} invited you to Acme Rockets");
        await invitee.GotoAsync(Mailbox.LinkFrom(invitation));
        await invitee.ClickAsync("text=Accept invitation");
        await invitee.ClickAsync("text=Open Acme Rockets");
        await invitee.WaitForURLAsync($"**/dashboard/organizations/{organizationId}");
        var members = await invitee.InnerTextAsync("#members-title + .table-wrap");
        members.ShouldContain(email);
        members.ShouldContain(inviteeEmail);

        await owner.ReloadAsync();
        (await owner.InnerTextAsync("#members-title + .table-wrap")).ShouldContain(inviteeEmail);
        (await owner.MainTextAsync()).ShouldContain("No pending invitations");
    }

    [Fact]
    public async Task An_api_key_is_shown_once_works_and_stops_working_when_revoked()
    {
        var page = await Server.NewPageAsync();
        await page.SignUpWithPasswordAsync();
        await page.GotoAsync("/dashboard/api-keys");
        await page.FillAsync("#key-name", "CI server");
        var shown = await page.RunAndWaitForResponseAsync(() => page.ClickAsync("text=Create key"), r => r.Request.Method == "POST");
        var secret = (await page.InnerTextAsync("[data-testid=new-secret]")).Trim();
        secret.ShouldStartWith("keel_");
        // The page holding the secret is not kept by the browser (back button, shared computer).
        shown.Headers["cache-control"].ShouldContain("no-store");

        var client = new HttpClient { BaseAddress = Server.Address };
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", secret);
        (await client.GetAsync("/api/v1/me")).StatusCode.ShouldBe(HttpStatusCode.OK);

        await page.GotoAsync("/dashboard/api-keys");
        (await page.ContentAsync()).ShouldNotContain(secret);
        (await page.MainTextAsync()).ShouldContain("CI server");

        await page.ClickAsync("button[aria-label='Revoke CI server']");
        (await page.MainTextAsync()).ShouldContain("Key revoked");
        (await page.MainTextAsync()).ShouldContain("No active keys");
        (await client.GetAsync("/api/v1/me")).StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task Usage_shows_metered_uses_against_the_plan_limit()
    {
        var (api, _, email) = await Server.SignUpAsync("metered");
        for (var i = 0; i < 3; i++)
            (await api.PostJsonAsync("/api/v1/usage", new { product = "fixci", feature = "analyses_per_month", idempotencyKey = $"run-{i}" }))
                .StatusCode.ShouldBe(HttpStatusCode.Created);

        var page = await Server.NewPageAsync();
        await page.SignInWithPasswordAsync(email);
        await page.ClickAsync("nav >> text=Usage");
        var fixci = await page.InnerTextAsync("section:has(#usage-fixci)");
        fixci.ShouldContain("Analyses per month");
        fixci.ShouldContain("3 of 50 used");
        (await page.Locator("figure.chart svg rect.bar").CountAsync()).ShouldBeGreaterThan(0);
    }

    [Fact]
    public async Task An_admin_grants_a_plan_and_the_customer_sees_it_while_billing_says_stripe_is_off()
    {
        var customer = await Server.NewPageAsync();
        var customerEmail = await customer.SignUpWithPasswordAsync("customer");
        await customer.GotoAsync("/dashboard/billing");
        (await customer.InnerTextAsync("[data-testid=billing-off]")).ShouldContain("Billing is not configured");
        (await customer.Locator("text=Start 14-day trial").CountAsync()).ShouldBe(0);

        var admin = await Server.NewPageAsync();
        var adminEmail = await admin.SignUpWithPasswordAsync("admin");
        await Server.MakeAdminAsync(adminEmail);
        await admin.GotoAsync("/admin");
        (await admin.Locator("figure.chart").CountAsync()).ShouldBeGreaterThanOrEqualTo(2);
        await admin.ClickAsync("nav >> text=Users");
        await admin.FillAsync("#q", customerEmail);
        await admin.ClickAsync("button:has-text('Search')");
        await admin.ClickAsync($"text={customerEmail}");
        await admin.SelectOptionAsync("#grant-plan", "fixci-pro-monthly");
        await admin.FillAsync("#grant-days", "30");
        await admin.ClickAsync("button:has-text('Grant')");
        (await admin.MainTextAsync()).ShouldContain("Granted fixci-pro-monthly until");

        await customer.ReloadAsync();
        var current = await customer.InnerTextAsync("#current-title + .table-wrap");
        current.ShouldContain("fixci");
        current.ShouldContain("Pro");
        current.ShouldContain("active");
        await customer.GotoAsync("/dashboard/usage");
        (await customer.InnerTextAsync("section:has(#usage-fixci)")).ShouldContain("0 of 1,000 used");
    }

    [Fact]
    public async Task A_member_of_another_organization_is_refused()
    {
        var alice = await Server.NewPageAsync();
        await alice.SignUpWithPasswordAsync("alice");
        var secretOrg = await alice.CreateOrganizationAsync("Alice Secret Labs");

        var mallory = await Server.NewPageAsync();
        await mallory.SignUpWithPasswordAsync("mallory");
        await mallory.CreateOrganizationAsync("Mallory Inc");

        foreach (var path in new[] { $"/dashboard/organizations/{secretOrg}", $"/dashboard/usage?org={secretOrg}" })
        {
            var response = await mallory.GotoAsync(path);
            response!.Status.ShouldBe(404, path);
            (await mallory.InnerTextAsync("main h1")).ShouldBe("Not found", path);
            (await mallory.ContentAsync()).ShouldNotContain("Alice Secret Labs");
        }
    }

    [Fact]
    public async Task A_device_is_deactivated_from_the_licenses_page()
    {
        var page = await Server.NewPageAsync();
        var email = await page.SignUpWithPasswordAsync("licensee");
        var admin = await AdminClientAsync();
        var grant = await (await admin.PostJsonAsync("/api/v1/admin/grants", new { email, planId = "gigzilla-pro-monthly" })).JsonAsync(HttpStatusCode.Created);
        var key = grant["licenseKey"]!.GetValue<string>();
        var anonymous = Server.CreateClient();
        (await anonymous.PostJsonAsync("/api/v1/licenses/activate", new { key, fingerprint = "laptop-fingerprint-1", name = "Work laptop" }))
            .StatusCode.ShouldBe(HttpStatusCode.Created);

        await page.GotoAsync("/dashboard/licenses");
        (await page.MainTextAsync()).ShouldContain("Work laptop");
        (await page.MainTextAsync()).ShouldContain("1 of 3");
        await page.ClickAsync("button[aria-label='Deactivate Work laptop']");
        (await page.MainTextAsync()).ShouldContain("Device deactivated");
        (await page.MainTextAsync()).ShouldNotContain("Work laptop");
        (await page.MainTextAsync()).ShouldContain("0 of 3");
    }

    [Fact]
    public async Task Signing_out_ends_the_session()
    {
        var page = await Server.NewPageAsync();
        await page.SignUpWithPasswordAsync();
        await page.ClickAsync("header >> text=Sign out");
        await page.WaitForURLAsync("**/signin");
        await page.GotoAsync("/dashboard");
        page.Url.ShouldContain("/signin?returnUrl=%2Fdashboard");
    }

    private async Task<HttpClient> AdminClientAsync()
    {
        var (client, _, email) = await Server.SignUpAsync("admin");
        await Server.MakeAdminAsync(email);
        return client;
    }
}
