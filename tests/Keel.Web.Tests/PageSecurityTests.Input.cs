using System.Net;
using Keel.Platform.Billing;
using Keel.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace Keel.Web.Tests;

/// <summary>Return links through sign-up, and bad input answered with a page rather than a 500.</summary>
public partial class PageSecurityTests
{
    [Fact]
    public async Task Signing_up_from_a_pricing_button_goes_back_to_the_plan()
    {
        var page = await Server.NewPageAsync();
        await page.GotoAsync("/gigzilla");
        await page.ClickAsync("[data-plan=gigzilla-pro-monthly] >> text=Choose Pro");
        await page.WaitForURLAsync("**/signin?returnUrl=*");
        await page.ClickAsync("main >> text=Create an account");
        await page.WaitForURLAsync("**/signup?returnUrl=*");
        await page.FillAsync("#email", KeelApi.NewEmail("pricing"));
        await page.FillAsync("#new-password", KeelApi.Password);
        await page.ClickAsync("text=Create account");
        await page.WaitForURLAsync("**/dashboard/billing?plan=gigzilla-pro-monthly");
        (await page.GetAttributeAsync("#plan-gigzilla-pro-monthly", "aria-current")).ShouldBe("true");
    }

    [Theory]
    [InlineData("/signup", "%2F%2Fevil.example%2F")]
    [InlineData("/signup", "https%3A%2F%2Fevil.example%2F")]
    [InlineData("/signup", "%2F%09%2Fevil.example%2F")]
    [InlineData("/signin", "%2F%09%2Fevil.example%2F")]
    [InlineData("/signin", "%2F%5C%2Fevil.example%2F")]
    public async Task Sign_up_and_sign_in_never_send_anyone_to_another_site(string page, string returnUrl)
    {
        var client = Server.CreateClient();
        var form = await client.GetStringAsync($"{page}?returnUrl={returnUrl}");
        form.ShouldNotMatch("href=\"[^\"]*evil");
        var (handler, email) = page == "/signup" ? ("password", KeelApi.NewEmail("safe")) : ("password", (await Server.SignUpAsync()).Email);
        var response = await client.PostAsync($"{page}?returnUrl={returnUrl}", new FormUrlEncodedContent(
            [new("_handler", handler), new("__RequestVerificationToken", TokenOf(form)), new("Email", email), new("Password", KeelApi.Password)]));
        response.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        response.Headers.Location!.ToString().ShouldBe($"{Server.Address}dashboard");
    }

    [Fact]
    public async Task Sign_in_and_sign_up_link_to_each_other_keeping_a_local_return_link()
    {
        var client = Server.CreateClient();
        (await client.GetStringAsync("/signin?returnUrl=%2Fdashboard%2Fbilling%3Fplan%3Dx"))
            .ShouldContain("href=\"/signup?returnUrl=%2Fdashboard%2Fbilling%3Fplan%3Dx\"");
        (await client.GetStringAsync("/signup?returnUrl=%2Fdashboard%2Fusage")).ShouldContain("href=\"/signin?returnUrl=%2Fdashboard%2Fusage\"");
        (await client.GetStringAsync("/signup")).ShouldContain("href=\"/signin\"");
    }

    [Fact]
    public async Task Mangled_ids_and_page_numbers_in_links_answer_a_page_not_an_error()
    {
        var (customer, _, email) = await Server.SignUpAsync("mangled");
        var usage = await customer.GetAsync("/dashboard/usage?org=not-a-guid");
        usage.StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await usage.Content.ReadAsStringAsync()).ShouldContain("<h1>Not found</h1>");
        (await customer.GetAsync("/dashboard/organizations/not-a-guid")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        var unknown = await customer.GetAsync($"/dashboard/organizations/{Guid.NewGuid()}");
        unknown.StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await unknown.Content.ReadAsStringAsync()).ShouldContain("<h1>Not found</h1>");
        var audit = await customer.GetAsync("/dashboard/audit?page=abc");
        audit.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await audit.Content.ReadAsStringAsync()).ShouldContain(Keel.Platform.Audit.AuditActions.AccountCreated);

        await Server.MakeAdminAsync(email);
        var admin = Server.CreateClient();
        (await admin.PostJsonAsync("/api/v1/auth/login", new { email, password = KeelApi.Password })).StatusCode.ShouldBe(HttpStatusCode.OK);
        var users = await admin.GetAsync("/admin/users?page=lots&q=mangled");
        users.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await users.Content.ReadAsStringAsync()).ShouldContain(email);
        var nobody = await admin.GetAsync($"/admin/users/{Guid.NewGuid()}");
        nobody.StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await nobody.Content.ReadAsStringAsync()).ShouldContain("<h1>Not found</h1>");
        (await admin.GetAsync("/admin/webhooks?status=nonsense")).StatusCode.ShouldBe(HttpStatusCode.OK);
    }

    [Fact]
    public async Task Forms_posted_without_their_fields_show_why_instead_of_failing()
    {
        var (customer, id, email) = await Server.SignUpAsync("emptyforms");
        var organizationId = (await (await customer.PostJsonAsync("/api/v1/organizations", new { name = "Empty Forms Ltd" })).JsonAsync(HttpStatusCode.Created))
            ["id"]!.GetValue<Guid>();
        await Server.MakeAdminAsync(email);
        var admin = Server.CreateClient();
        (await admin.PostJsonAsync("/api/v1/auth/login", new { email, password = KeelApi.Password })).StatusCode.ShouldBe(HttpStatusCode.OK);
        var anonymous = Server.CreateClient();

        foreach (var (client, path, handler) in new[]
                 {
                     (anonymous, "/signin", "password"), (anonymous, "/signin", "magic-link"), (anonymous, "/signup", "password"),
                     (anonymous, "/signup", "magic-link"), (anonymous, "/studio", "waitlist"), (admin, "/dashboard", "create-organization"),
                     (admin, "/dashboard/api-keys", "create-key"), (admin, $"/dashboard/organizations/{organizationId}", "invite"),
                     (admin, $"/admin/users/{id}", "grant"),
                 })
        {
            var token = TokenOf(await client.GetStringAsync(path));
            var response = await client.PostAsync(path, new FormUrlEncodedContent([new("_handler", handler), new("__RequestVerificationToken", token)]));
            response.StatusCode.ShouldBe(HttpStatusCode.OK, $"{handler} on {path}");
            (await response.Content.ReadAsStringAsync()).ShouldContain("role=\"alert\"", customMessage: $"{handler} on {path}");
        }
    }

    [Fact]
    public async Task A_grant_for_an_organization_the_user_is_not_in_is_refused_not_given_to_the_account()
    {
        var (_, customerId, _) = await Server.SignUpAsync("grantee");
        var (admin, _, adminEmail) = await Server.SignUpAsync("admin");
        await Server.MakeAdminAsync(adminEmail);
        var otherOrganization = await (await Server.SignUpAsync("other")).Client.CreateOrganizationAsync("Someone Else Ltd");

        var page = await admin.GetStringAsync($"/admin/users/{customerId}");
        var response = await admin.PostAsync($"/admin/users/{customerId}", new FormUrlEncodedContent(
            [new("_handler", "grant"), new("__RequestVerificationToken", TokenOf(page)), new("PlanId", "fixci-pro-monthly"),
             new("OrganizationId", otherOrganization.ToString())]));
        WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync()).ShouldContain("That organization is not one of this user's.");
        await using var scope = Server.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<Keel.Platform.Data.KeelDbContext>();
        db.Subscriptions.Count(s => s.Owner == Subscription.AccountOwner(customerId) || s.Owner == Subscription.OrganizationOwner(otherOrganization))
            .ShouldBe(0);
    }

    [Fact]
    public async Task An_admin_changing_the_owners_role_is_answered_403_with_the_reason()
    {
        var (owner, ownerId, ownerEmail) = await Server.SignUpAsync("owner");
        var organizationId = await owner.CreateOrganizationAsync("Role Play Ltd");
        var (admin, adminId, _) = await Server.SignUpAsync("orgadmin");
        await using (var scope = Server.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<Keel.Platform.Data.KeelDbContext>();
            db.Memberships.Add(new Keel.Platform.Organizations.Membership
            {
                OrganizationId = organizationId, AccountId = adminId, Role = Keel.Platform.Organizations.OrganizationRole.Admin, JoinedAt = DateTimeOffset.UtcNow,
            });
            await db.SaveChangesAsync();
        }

        var path = $"/dashboard/organizations/{organizationId}";
        var page = await admin.GetStringAsync(path);
        var response = await admin.PostAsync(path, new FormUrlEncodedContent(
            [new("_handler", $"role-{ownerId}"), new("__RequestVerificationToken", TokenOf(page)), new("Role", "member")]));
        response.StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        var html = WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync());
        html.ShouldContain("Only an owner can grant or take away the owner role.");
        html.ShouldContain(ownerEmail);
    }
}
