using System.Net;
using Keel.Testing;

namespace Keel.Platform.Tests.Organizations;

/// <summary>Invitations go out over real SMTP here, so the whole invite → email → accept loop is exercised.</summary>
public sealed class OrganizationTests : IAsyncLifetime
{
    private readonly SmtpListener _smtp = new();
    private KeelTestServer _server = null!;

    public async Task InitializeAsync()
    {
        await _smtp.StartAsync();
        _server = await KeelTestServer.StartAsync(o => o.Smtp = _smtp);
    }

    public async Task DisposeAsync()
    {
        await _server.DisposeAsync();
        await _smtp.DisposeAsync();
    }

    private async Task<string> InvitationTokenAsync(string email)
    {
        var mail = await _smtp.WaitForMessageAsync(m => m.EnvelopeRecipients.Contains(email) && m.Message.Subject?.Contains("invited you") == true, TimeSpan.FromSeconds(15));
        return Mailbox.TokenFrom(mail.Message);
    }

    [Fact]
    public async Task The_creator_of_an_organization_is_its_owner()
    {
        var (client, id, _) = await _server.SignUpAsync();
        var orgId = await client.CreateOrganizationAsync("Acme");
        var members = (await (await client.GetAsync($"/api/v1/organizations/{orgId}/members")).JsonAsync()).AsArray();
        members.Count.ShouldBe(1);
        members[0]!["accountId"]!.GetValue<Guid>().ShouldBe(id);
        members[0]!["role"]!.GetValue<string>().ShouldBe("owner");
        var mine = (await (await client.GetAsync("/api/v1/organizations")).JsonAsync()).AsArray();
        mine.Single()!["name"]!.GetValue<string>().ShouldBe("Acme");
    }

    [Fact]
    public async Task An_invitation_email_over_smtp_lets_the_invitee_join_with_the_offered_role()
    {
        var (owner, _, ownerEmail) = await _server.SignUpAsync("owner");
        var orgId = await owner.CreateOrganizationAsync("Acme");
        var (invitee, inviteeId, inviteeEmail) = await _server.SignUpAsync("invitee");

        var invitation = await (await owner.PostJsonAsync($"/api/v1/organizations/{orgId}/invitations", new { email = inviteeEmail, role = "admin" }))
            .JsonAsync(HttpStatusCode.Created);
        invitation["role"]!.GetValue<string>().ShouldBe("admin");

        var mail = await _smtp.WaitForMessageAsync(m => m.EnvelopeRecipients.Contains(inviteeEmail) && m.Message.Subject?.Contains("invited you") == true, TimeSpan.FromSeconds(15));
        mail.Message.Subject.ShouldBe($"{ownerEmail} invited you to Acme");
        var token = Mailbox.TokenFrom(mail.Message);

        var joined = await (await invitee.PostJsonAsync("/api/v1/invitations/accept", new { token })).JsonAsync();
        joined["role"]!.GetValue<string>().ShouldBe("admin");
        var members = (await (await owner.GetAsync($"/api/v1/organizations/{orgId}/members")).JsonAsync()).AsArray();
        members.ShouldContain(m => m!["accountId"]!.GetValue<Guid>() == inviteeId && m["role"]!.GetValue<string>() == "admin");

        // Used once.
        await (await invitee.PostJsonAsync("/api/v1/invitations/accept", new { token })).ProblemAsync(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task An_invitation_cannot_be_accepted_by_another_address()
    {
        var (owner, _, _) = await _server.SignUpAsync("owner");
        var orgId = await owner.CreateOrganizationAsync();
        var invited = KeelApi.NewEmail("invited");
        await owner.PostJsonAsync($"/api/v1/organizations/{orgId}/invitations", new { email = invited });
        var token = await InvitationTokenAsync(invited);

        var (thief, _, _) = await _server.SignUpAsync("thief");
        await (await thief.PostJsonAsync("/api/v1/invitations/accept", new { token })).ProblemAsync(HttpStatusCode.Forbidden);
    }

    [Fact]
    public async Task The_invitation_page_signs_up_a_newcomer_and_joins_the_organization()
    {
        var (owner, _, _) = await _server.SignUpAsync("owner");
        var orgId = await owner.CreateOrganizationAsync("Studio Nine");
        var newcomer = KeelApi.NewEmail("newcomer");
        await owner.PostJsonAsync($"/api/v1/organizations/{orgId}/invitations", new { email = newcomer });
        var token = await InvitationTokenAsync(newcomer);

        var browser = _server.CreateClient();
        var page = await browser.GetAsync($"/invitations/accept?token={Uri.EscapeDataString(token)}");
        (await page.Content.ReadAsStringAsync()).ShouldContain("Studio Nine");
        (await browser.PostAsync("/invitations/accept", new FormUrlEncodedContent([new("token", token)]))).StatusCode.ShouldBe(HttpStatusCode.OK);

        var me = await (await browser.GetAsync("/api/v1/me")).JsonAsync();
        me["email"]!.GetValue<string>().ShouldBe(newcomer);
        me["organizations"]!.AsArray().Single()!["role"]!.GetValue<string>().ShouldBe("member");
    }

    [Fact]
    public async Task A_revoked_invitation_no_longer_works()
    {
        var (owner, _, _) = await _server.SignUpAsync("owner");
        var orgId = await owner.CreateOrganizationAsync();
        var (invitee, _, email) = await _server.SignUpAsync("invitee");
        var invitation = await (await owner.PostJsonAsync($"/api/v1/organizations/{orgId}/invitations", new { email })).JsonAsync(HttpStatusCode.Created);
        var token = await InvitationTokenAsync(email);
        (await owner.DeleteAsync($"/api/v1/organizations/{orgId}/invitations/{invitation["id"]}")).StatusCode.ShouldBe(HttpStatusCode.NoContent);
        await (await invitee.PostJsonAsync("/api/v1/invitations/accept", new { token })).ProblemAsync(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task An_organization_never_loses_its_last_owner()
    {
        var (owner, ownerId, _) = await _server.SignUpAsync("owner");
        var orgId = await owner.CreateOrganizationAsync();
        await (await owner.PutAsJsonAsync($"/api/v1/organizations/{orgId}/members/{ownerId}/role", new { role = "admin" })).ProblemAsync(HttpStatusCode.Conflict);
        await (await owner.DeleteAsync($"/api/v1/organizations/{orgId}/members/{ownerId}")).ProblemAsync(HttpStatusCode.Conflict);

        // With a second owner, the first may step down.
        var (second, secondId, secondEmail) = await _server.SignUpAsync("second");
        await owner.PostJsonAsync($"/api/v1/organizations/{orgId}/invitations", new { email = secondEmail, role = "owner" });
        await (await second.PostJsonAsync("/api/v1/invitations/accept", new { token = await InvitationTokenAsync(secondEmail) })).JsonAsync();
        (await owner.PutAsJsonAsync($"/api/v1/organizations/{orgId}/members/{ownerId}/role", new { role = "member" })).StatusCode.ShouldBe(HttpStatusCode.OK);
        await (await second.DeleteAsync($"/api/v1/organizations/{orgId}/members/{secondId}")).ProblemAsync(HttpStatusCode.Conflict);
    }

    [Fact]
    public async Task Admins_manage_members_but_only_owners_touch_owners()
    {
        var (owner, ownerId, _) = await _server.SignUpAsync("owner");
        var orgId = await owner.CreateOrganizationAsync();
        var (admin, _, adminEmail) = await _server.SignUpAsync("admin");
        var (member, memberId, memberEmail) = await _server.SignUpAsync("member");
        await owner.PostJsonAsync($"/api/v1/organizations/{orgId}/invitations", new { email = adminEmail, role = "admin" });
        await owner.PostJsonAsync($"/api/v1/organizations/{orgId}/invitations", new { email = memberEmail });
        await (await admin.PostJsonAsync("/api/v1/invitations/accept", new { token = await InvitationTokenAsync(adminEmail) })).JsonAsync();
        await (await member.PostJsonAsync("/api/v1/invitations/accept", new { token = await InvitationTokenAsync(memberEmail) })).JsonAsync();

        await (await admin.PutAsJsonAsync($"/api/v1/organizations/{orgId}/members/{ownerId}/role", new { role = "member" })).ProblemAsync(HttpStatusCode.Forbidden);
        await (await admin.PutAsJsonAsync($"/api/v1/organizations/{orgId}/members/{memberId}/role", new { role = "owner" })).ProblemAsync(HttpStatusCode.Forbidden);
        await (await admin.PostJsonAsync($"/api/v1/organizations/{orgId}/invitations", new { email = KeelApi.NewEmail(), role = "owner" })).ProblemAsync(HttpStatusCode.Forbidden);
        await (await admin.DeleteAsync($"/api/v1/organizations/{orgId}/members/{ownerId}")).ProblemAsync(HttpStatusCode.Forbidden);
        await (await member.PutAsJsonAsync($"/api/v1/organizations/{orgId}/members/{memberId}/role", new { role = "admin" })).ProblemAsync(HttpStatusCode.Forbidden);

        (await (await admin.PutAsJsonAsync($"/api/v1/organizations/{orgId}/members/{memberId}/role", new { role = "admin" })).JsonAsync())["role"]!
            .GetValue<string>().ShouldBe("admin");
        (await admin.DeleteAsync($"/api/v1/organizations/{orgId}/members/{memberId}")).StatusCode.ShouldBe(HttpStatusCode.NoContent);
        await (await member.GetAsync($"/api/v1/organizations/{orgId}")).ProblemAsync(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task A_member_may_leave()
    {
        var (owner, _, _) = await _server.SignUpAsync("owner");
        var orgId = await owner.CreateOrganizationAsync();
        var (member, memberId, memberEmail) = await _server.SignUpAsync("member");
        await owner.PostJsonAsync($"/api/v1/organizations/{orgId}/invitations", new { email = memberEmail });
        await (await member.PostJsonAsync("/api/v1/invitations/accept", new { token = await InvitationTokenAsync(memberEmail) })).JsonAsync();
        (await member.DeleteAsync($"/api/v1/organizations/{orgId}/members/{memberId}")).StatusCode.ShouldBe(HttpStatusCode.NoContent);
        (await (await member.GetAsync("/api/v1/organizations")).JsonAsync()).AsArray().ShouldBeEmpty();
    }

    [Fact]
    public async Task Role_changes_are_in_the_organizations_audit_log_which_only_owners_read()
    {
        var (owner, _, _) = await _server.SignUpAsync("owner");
        var orgId = await owner.CreateOrganizationAsync();
        var (member, memberId, memberEmail) = await _server.SignUpAsync("member");
        await owner.PostJsonAsync($"/api/v1/organizations/{orgId}/invitations", new { email = memberEmail });
        await (await member.PostJsonAsync("/api/v1/invitations/accept", new { token = await InvitationTokenAsync(memberEmail) })).JsonAsync();
        await owner.PutAsJsonAsync($"/api/v1/organizations/{orgId}/members/{memberId}/role", new { role = "admin" });

        var audit = await (await owner.GetAsync($"/api/v1/organizations/{orgId}/audit")).JsonAsync();
        var actions = audit["items"]!.AsArray().Select(e => e!["action"]!.GetValue<string>()).ToList();
        actions.ShouldBe(["organization.role_changed", "organization.member_joined", "organization.member_invited", "organization.created"]);
        await (await member.GetAsync($"/api/v1/organizations/{orgId}/audit")).ProblemAsync(HttpStatusCode.Forbidden);
    }
}
