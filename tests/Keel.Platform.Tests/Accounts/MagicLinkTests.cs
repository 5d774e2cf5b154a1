using System.Net;
using Keel.Testing;
using Microsoft.Extensions.Time.Testing;

namespace Keel.Platform.Tests.Accounts;

public sealed class MagicLinkTests : IAsyncLifetime
{
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 11, 23, 9, 0, 0, TimeSpan.Zero));
    private KeelTestServer _server = null!;

    public async Task InitializeAsync() => _server = await KeelTestServer.StartAsync(o => o.Time = _time);

    public async Task DisposeAsync() => await _server.DisposeAsync();

    [Fact]
    public async Task A_new_address_signs_up_by_the_link_written_to_an_eml_file()
    {
        var email = KeelApi.NewEmail("newcomer");
        var client = _server.CreateClient();
        (await client.PostJsonAsync("/api/v1/auth/magic-link", new { email })).StatusCode.ShouldBe(HttpStatusCode.Accepted);

        var mail = await _server.WaitForEmlAsync(email);
        mail.Subject.ShouldBe("Your sign-in link");
        mail.HtmlBody!.ShouldContain("Sign in");
        var link = Mailbox.LinkFrom(mail);
        link.ShouldStartWith(_server.Address + "auth/magic?token=");

        // Opening the link shows a button and changes nothing (mail scanners open links too).
        var page = await client.GetAsync(new Uri(link).PathAndQuery);
        page.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await client.GetAsync("/api/v1/me")).StatusCode.ShouldBe(HttpStatusCode.Unauthorized);

        var signedIn = await client.PostAsync("/auth/magic", new FormUrlEncodedContent([new("token", Mailbox.TokenFrom(mail))]));
        signedIn.StatusCode.ShouldBe(HttpStatusCode.OK);
        var me = await (await client.GetAsync("/api/v1/me")).JsonAsync();
        me["email"]!.GetValue<string>().ShouldBe(email);
        me["emailVerified"]!.GetValue<bool>().ShouldBeTrue();
        me["hasPassword"]!.GetValue<bool>().ShouldBeFalse();
    }

    [Fact]
    public async Task A_link_works_once()
    {
        var email = KeelApi.NewEmail();
        await _server.CreateClient().PostJsonAsync("/api/v1/auth/magic-link", new { email });
        var token = Mailbox.TokenFrom(await _server.WaitForEmlAsync(email));

        (await _server.CreateClient().PostJsonAsync("/api/v1/auth/magic-link/verify", new { token })).StatusCode.ShouldBe(HttpStatusCode.OK);
        await (await _server.CreateClient().PostJsonAsync("/api/v1/auth/magic-link/verify", new { token })).ProblemAsync(HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task A_link_expires_after_ten_minutes()
    {
        var email = KeelApi.NewEmail();
        await _server.CreateClient().PostJsonAsync("/api/v1/auth/magic-link", new { email });
        var token = Mailbox.TokenFrom(await _server.WaitForEmlAsync(email));

        _time.Advance(TimeSpan.FromMinutes(10) + TimeSpan.FromSeconds(1));
        await (await _server.CreateClient().PostJsonAsync("/api/v1/auth/magic-link/verify", new { token })).ProblemAsync(HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task A_link_for_an_existing_account_signs_into_that_account()
    {
        var (_, id, email) = await _server.SignUpAsync();
        await _server.CreateClient().PostJsonAsync("/api/v1/auth/magic-link", new { email = email.ToUpperInvariant() });
        var token = Mailbox.TokenFrom(await _server.WaitForEmlAsync(email));
        var me = await (await _server.CreateClient().PostJsonAsync("/api/v1/auth/magic-link/verify", new { token })).JsonAsync();
        me["id"]!.GetValue<Guid>().ShouldBe(id);
    }

    [Fact]
    public async Task Only_the_hash_of_a_link_token_is_stored()
    {
        var email = KeelApi.NewEmail();
        await _server.CreateClient().PostJsonAsync("/api/v1/auth/magic-link", new { email });
        var token = Mailbox.TokenFrom(await _server.WaitForEmlAsync(email));
        var database = await File.ReadAllBytesAsync(Path.Combine(_server.DataDirectory, "keel.db"));
        var wal = Path.Combine(_server.DataDirectory, "keel.db-wal");
        var all = database.Concat(File.Exists(wal) ? await File.ReadAllBytesAsync(wal) : []).ToArray();
        System.Text.Encoding.Latin1.GetString(all).ShouldNotContain(token);
    }

    [Fact]
    public async Task A_forged_token_gets_a_clear_page_not_an_error()
    {
        var response = await _server.CreateClient().PostAsync("/auth/magic", new FormUrlEncodedContent([new("token", "forged")]));
        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await response.Content.ReadAsStringAsync()).ShouldContain("invalid, was already used, or has expired");
    }
}
