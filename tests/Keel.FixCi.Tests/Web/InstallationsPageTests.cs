using System.Net;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Keel.FixCi.Tests.GitHub;
using Keel.Platform.Data;
using Keel.Platform.Organizations;
using Keel.Testing;
using Keel.Testing.Browser;
using Keel.Testing.GitHub;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace Keel.FixCi.Tests.Web;

/// <summary>
/// The dashboard's FixCI section against the real server: an installation linked through GitHub's Setup redirect shows
/// with its repositories, an admin changes their settings with plain forms, a member only reads them, an outsider
/// learns nothing. The screenshot in <c>docs/screenshots</c> comes from here when <c>KEEL_SCREENSHOTS</c> is set.
/// </summary>
public sealed partial class InstallationsPageTests : IAsyncLifetime
{
    private const long Installation = GitHubAppHarness.InstallationId;
    private const string Widgets = "octo/widgets";
    private const long WidgetsId = 1296269;
    private const string Gadgets = "octo/gadgets";
    private const long GadgetsId = 1296270;
    private const string Secret = "webhook secret";
    private const string ClientId = "Iv1.8a61f9b3a7aba766";
    private const string ClientSecret = "oauth client secret";

    private readonly RSA _key = RSA.Create(2048);
    private FakeGitHub _gitHub = null!;
    private KeelTestServer _server = null!;

    public async Task InitializeAsync()
    {
        _gitHub = await FakeGitHub.StartAsync(GitHubAppHarness.AppId, _key, TimeProvider.System);
        _gitHub.AddInstallation(Installation, [Widgets, Gadgets]);
        _gitHub.EnableUserAuthorization(ClientId, ClientSecret);
        _server = await KeelTestServer.StartAsync(o =>
        {
            o.Settings["Keel:FixCi:GitHub:AppId"] = GitHubAppHarness.AppId;
            o.Settings["Keel:FixCi:GitHub:PrivateKeyPem"] = _key.ExportRSAPrivateKeyPem();
            o.Settings["Keel:FixCi:GitHub:ApiBaseUrl"] = _gitHub.BaseUrl;
            o.Settings["Keel:FixCi:GitHub:WebBaseUrl"] = _gitHub.BaseUrl;
            o.Settings["Keel:FixCi:GitHub:AppSlug"] = "fixci";
            o.Settings["Keel:FixCi:GitHub:ClientId"] = ClientId;
            o.Settings["Keel:FixCi:GitHub:ClientSecret"] = ClientSecret;
            o.Settings["Keel:FixCi:GitHub:WebhookSecrets:0"] = Secret;
        });
        (await DeliverInstallationCreatedAsync()).StatusCode.ShouldBe(HttpStatusCode.Accepted);
    }

    public async Task DisposeAsync()
    {
        await _server.DisposeAsync();
        await _gitHub.DisposeAsync();
        _key.Dispose();
    }

    [Fact]
    public async Task An_admin_links_an_installation_and_changes_its_repositories_settings_and_a_member_only_reads_them()
    {
        await using var context = await SharedChromium.NewContextAsync(_server.Address.ToString());
        var page = await context.NewPageAsync();
        await SignUpAsync(page, "ada@example.com");
        var orgId = await CreateOrganizationAsync(page, "Acme Rockets");

        // GitHub's Setup redirect brings the admin to the section, which says what was linked.
        var install = await page.APIRequest.PostAsync($"/fixci/api/organizations/{orgId}/installations/install-url");
        install.Status.ShouldBe(200);
        var state = StateOf(new Uri((await install.JsonAsync())!.Value.GetProperty("url").GetString()!));
        await page.GotoAsync($"/fixci/github/setup?installation_id={Installation}&setup_action=install&state={Uri.EscapeDataString(state)}"
            + $"&code={Uri.EscapeDataString(_gitHub.AuthorizeUser(Installation))}");
        await page.WaitForURLAsync($"**/dashboard/fixci?fixci_installation={Installation}");
        (await page.InnerTextAsync("[role=status]")).ShouldBe("GitHub installation octo is linked to Acme Rockets.");
        var section = await page.InnerTextAsync($"[data-org='{orgId}']");
        section.ShouldContain("GitHub: octo");
        section.ShouldContain(Widgets);
        section.ShouldContain(Gadgets);
        section.ShouldContain("0 of 50 used");
        (await page.IsCheckedAsync($"#enabled-{WidgetsId}")).ShouldBeTrue();

        for (var i = 0; i < 12; i++)
            (await page.APIRequest.PostAsync("/api/v1/usage", new() { DataObject = new { product = "fixci", feature = "analyses_per_month", organizationId = orgId, idempotencyKey = $"run-{i}" } }))
                .Status.ShouldBe(201);

        // Off and compact for one repository; the other keeps its settings.
        await page.UncheckAsync($"#enabled-{WidgetsId}");
        await page.SelectOptionAsync($"#style-{WidgetsId}", "compact");
        await page.ClickAsync($"tr[data-repository='{Widgets}'] >> text=Save");
        (await page.InnerTextAsync("[role=status]")).ShouldBe($"{Widgets}: FixCI off, compact comments.");
        await page.GotoAsync("/dashboard/fixci");
        (await page.IsCheckedAsync($"#enabled-{WidgetsId}")).ShouldBeFalse();
        (await page.InputValueAsync($"#style-{WidgetsId}")).ShouldBe("compact");
        (await page.IsCheckedAsync($"#enabled-{GadgetsId}")).ShouldBeTrue();
        (await page.InputValueAsync($"#style-{GadgetsId}")).ShouldBe("full");
        (await page.InnerTextAsync($"[data-org='{orgId}']")).ShouldContain("12 of 50 used");
        await ScreenshotAsync(page);

        // What the analysis jobs read: the repository is off (the job processor's tests cover the skip itself).
        var api = await (await page.APIRequest.GetAsync($"/fixci/api/organizations/{orgId}/installations")).JsonAsync();
        var widgets = api!.Value.GetProperty("installations")[0].GetProperty("repositories").EnumerateArray().Single(r => r.GetProperty("id").GetInt64() == WidgetsId);
        widgets.GetProperty("enabled").GetBoolean().ShouldBeFalse();
        widgets.GetProperty("commentStyle").GetString().ShouldBe("compact");

        // A member sees the settings, cannot change them, and has no Connect or Unlink.
        var (_, memberId, memberEmail) = await _server.SignUpAsync("member");
        await AddMemberAsync(orgId, memberId);
        await using var memberContext = await SharedChromium.NewContextAsync(_server.Address.ToString());
        var member = await memberContext.NewPageAsync();
        await SignInAsync(member, memberEmail);
        await member.GotoAsync("/dashboard/fixci");
        (await member.InnerTextAsync($"[data-org='{orgId}']")).ShouldContain("Only the organization's admins change these settings.");
        (await member.IsCheckedAsync($"#enabled-{WidgetsId}")).ShouldBeFalse();
        (await member.IsDisabledAsync($"#enabled-{GadgetsId}")).ShouldBeTrue();
        (await member.IsDisabledAsync($"#style-{GadgetsId}")).ShouldBeTrue();
        (await member.IsDisabledAsync($"tr[data-repository='{Gadgets}'] >> text=Save")).ShouldBeTrue();
        (await member.Locator("text=Connect GitHub").CountAsync()).ShouldBe(0);
        (await member.Locator("text=Unlink").CountAsync()).ShouldBe(0);

        // The admin unlinks: the installation leaves the organization.
        await page.ClickAsync("text=Unlink octo");
        (await page.InnerTextAsync("[role=status]")).ShouldBe("Installation unlinked.");
        (await page.InnerTextAsync($"[data-org='{orgId}']")).ShouldContain("No GitHub installation is linked to Acme Rockets yet.");
    }

    [Fact]
    public async Task The_pages_forms_answer_403_to_a_member_404_to_an_outsider_and_connect_redirects_an_admin_to_GitHub()
    {
        var (admin, _, _) = await _server.SignUpAsync("admin");
        var orgId = await admin.CreateOrganizationAsync("Acme Rockets");
        var state = StateOf(new Uri((await (await admin.PostAsync($"/fixci/api/organizations/{orgId}/installations/install-url", null)).JsonAsync())["url"]!.GetValue<string>()));
        (await admin.GetAsync($"/fixci/github/setup?installation_id={Installation}&setup_action=install&state={Uri.EscapeDataString(state)}"
            + $"&code={Uri.EscapeDataString(_gitHub.AuthorizeUser(Installation))}")).StatusCode.ShouldBe(HttpStatusCode.Redirect);

        var (member, memberId, _) = await _server.SignUpAsync("member");
        await AddMemberAsync(orgId, memberId);
        var memberPage = await member.GetStringAsync("/dashboard/fixci");
        WebUtility.HtmlDecode(memberPage).ShouldContain(Widgets);
        var refused = await member.PostAsync("/dashboard/fixci", Form(memberPage, $"repo-{WidgetsId}", ("CommentStyle", "compact")));
        refused.StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        WebUtility.HtmlDecode(await refused.Content.ReadAsStringAsync()).ShouldContain("This needs the admin role in the organization.");
        (await RepositoryAsync(admin, orgId, WidgetsId))["enabled"]!.GetValue<bool>().ShouldBeTrue();
        (await RepositoryAsync(admin, orgId, WidgetsId))["commentStyle"]!.GetValue<string>().ShouldBe("full");

        var (outsider, _, _) = await _server.SignUpAsync("outsider");
        var hidden = await outsider.GetAsync($"/dashboard/fixci?org={orgId}");
        hidden.StatusCode.ShouldBe(HttpStatusCode.NotFound);
        var html = WebUtility.HtmlDecode(await hidden.Content.ReadAsStringAsync());
        html.ShouldNotContain("Acme Rockets");
        html.ShouldNotContain(Widgets);
        (await outsider.GetStringAsync("/dashboard/fixci")).ShouldNotContain(Widgets);
        (await outsider.GetAsync("/dashboard/fixci?org=not-an-id")).StatusCode.ShouldBe(HttpStatusCode.NotFound);

        var adminPage = await admin.GetStringAsync($"/dashboard/fixci?org={orgId}");
        var connect = await admin.PostAsync($"/dashboard/fixci?org={orgId}", Form(adminPage, $"connect-{orgId}"));
        connect.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        connect.Headers.Location!.GetLeftPart(UriPartial.Path).ShouldBe($"{_gitHub.BaseUrl}/apps/fixci/installations/new");
        var saved = await admin.PostAsync($"/dashboard/fixci?org={orgId}", Form(adminPage, $"repo-{WidgetsId}", ("Enabled", "true"), ("CommentStyle", "compact")));
        saved.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await RepositoryAsync(admin, orgId, WidgetsId))["commentStyle"]!.GetValue<string>().ShouldBe("compact");
        var forged = await admin.PostAsync($"/dashboard/fixci?org={orgId}", new FormUrlEncodedContent([new("_handler", $"repo-{WidgetsId}"), new("CommentStyle", "full")]));
        forged.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await RepositoryAsync(admin, orgId, WidgetsId))["commentStyle"]!.GetValue<string>().ShouldBe("compact");
    }

    private static async Task<JsonNode> RepositoryAsync(HttpClient client, Guid orgId, long repositoryId)
    {
        var list = await (await client.GetAsync($"/fixci/api/organizations/{orgId}/installations")).JsonAsync();
        return list["installations"]!.AsArray().SelectMany(i => i!["repositories"]!.AsArray()).Single(r => r!["id"]!.GetValue<long>() == repositoryId)!;
    }

    private static FormUrlEncodedContent Form(string html, string handler, params (string Name, string Value)[] fields) =>
        new([new("_handler", handler), new("__RequestVerificationToken", WebUtility.HtmlDecode(TokenField().Match(html).Groups[1].Value)),
            .. fields.Select(f => new KeyValuePair<string, string>(f.Name, f.Value))]);

    [GeneratedRegex("name=\"__RequestVerificationToken\" value=\"([^\"]+)\"")]
    private static partial Regex TokenField();

    private static string StateOf(Uri installUrl) => Uri.UnescapeDataString(installUrl.Query["?state=".Length..]);

    private async Task AddMemberAsync(Guid orgId, Guid accountId)
    {
        await using var scope = _server.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<KeelDbContext>();
        db.Memberships.Add(new Membership { OrganizationId = orgId, AccountId = accountId, Role = OrganizationRole.Member, JoinedAt = DateTimeOffset.UtcNow });
        await db.SaveChangesAsync();
    }

    private static async Task SignUpAsync(IPage page, string email)
    {
        await page.GotoAsync("/signup");
        await page.FillAsync("#name", "Ada");
        await page.FillAsync("#email", email);
        await page.FillAsync("#new-password", KeelApi.Password);
        await page.ClickAsync("text=Create account");
        await page.WaitForURLAsync("**/dashboard");
    }

    private static async Task SignInAsync(IPage page, string email)
    {
        await page.GotoAsync("/signin");
        await page.FillAsync("#email", email);
        await page.FillAsync("#password", KeelApi.Password);
        await page.ClickAsync("form >> text=Sign in");
        await page.WaitForURLAsync("**/dashboard");
    }

    private static async Task<Guid> CreateOrganizationAsync(IPage page, string name)
    {
        await page.GotoAsync("/dashboard");
        await page.FillAsync("#org-name", name);
        await page.ClickAsync("button:has-text('Create')");
        await page.WaitForURLAsync("**/dashboard/organizations/*");
        return Guid.Parse(page.Url.Split('/')[^1]);
    }

    /// <summary>Into <c>KEEL_SCREENSHOTS</c> when set (the README's picture), else a temporary folder; a real PNG either way.</summary>
    private static async Task ScreenshotAsync(IPage page)
    {
        var folder = Environment.GetEnvironmentVariable("KEEL_SCREENSHOTS") is { Length: > 0 } configured
            ? configured
            : Directory.CreateTempSubdirectory("keel-screenshots-").FullName;
        Directory.CreateDirectory(folder);
        var file = Path.Combine(folder, "fixci-installations.png");
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = file, FullPage = true });
        var bytes = await File.ReadAllBytesAsync(file);
        bytes.Length.ShouldBeGreaterThan(10_000);
        bytes[..8].ShouldBe(new byte[] { 0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A });
    }

    private async Task<HttpResponseMessage> DeliverInstallationCreatedAsync()
    {
        var body = new JsonObject
        {
            ["action"] = "created",
            ["installation"] = new JsonObject
            {
                ["id"] = Installation,
                ["account"] = new JsonObject { ["login"] = "octo", ["id"] = 1, ["type"] = "Organization" },
                ["repository_selection"] = "selected",
                ["app_id"] = 123456,
            },
            ["repositories"] = new JsonArray(
                new JsonObject { ["id"] = WidgetsId, ["full_name"] = Widgets, ["private"] = false },
                new JsonObject { ["id"] = GadgetsId, ["full_name"] = Gadgets, ["private"] = false }),
            ["sender"] = new JsonObject { ["login"] = "octocat" },
        }.ToJsonString();
        using var request = new HttpRequestMessage(HttpMethod.Post, "/fixci/github/webhook") { Content = new StringContent(body, Encoding.UTF8, "application/json") };
        request.Headers.Add("X-GitHub-Event", "installation");
        request.Headers.Add("X-GitHub-Delivery", Guid.NewGuid().ToString());
        request.Headers.Add("X-Hub-Signature-256", "sha256=" + Convert.ToHexStringLower(HMACSHA256.HashData(Encoding.UTF8.GetBytes(Secret), Encoding.UTF8.GetBytes(body))));
        return await _server.CreateClient().SendAsync(request);
    }
}
