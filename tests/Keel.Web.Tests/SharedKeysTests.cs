using System.Net;
using System.Security.Cryptography;
using System.Text.RegularExpressions;
using Keel.Testing;

namespace Keel.Web.Tests;

/// <summary>Two instances on one PostgreSQL (behind a load balancer): a form one rendered is accepted by the other,
/// because the antiforgery keys live in the database, sealed with the shared server secret.</summary>
public partial class SharedKeysTests
{
    [Fact]
    public async Task A_form_rendered_by_one_instance_is_accepted_by_another()
    {
        var secret = Convert.ToBase64String(RandomNumberGenerator.GetBytes(32));
        await using var first = await KeelTestServer.StartAsync(o =>
        {
            o.Database = Db.Postgres;
            o.Settings["Keel:Secret"] = secret;
        });
        await using var second = await KeelTestServer.StartAsync(o =>
        {
            o.Database = Db.Postgres;
            o.ConnectionString = first.ConnectionString;
            o.Settings["Keel:Secret"] = secret;
        });
        var (_, _, email) = await first.SignUpAsync();

        // Cookies are not separated by port, so one browser-like client carries the antiforgery cookie to both.
        using var client = new HttpClient(new HttpClientHandler { CookieContainer = new CookieContainer(), AllowAutoRedirect = false });
        var form = await client.GetStringAsync(new Uri(first.Address, "/signin"));
        var token = WebUtility.HtmlDecode(TokenField().Match(form).Groups[1].Value);
        token.ShouldNotBeEmpty();

        var response = await client.PostAsync(new Uri(second.Address, "/signin"), new FormUrlEncodedContent(
            [new("_handler", "password"), new("__RequestVerificationToken", token), new("Email", email), new("Password", KeelApi.Password)]));

        response.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        response.Headers.GetValues("Set-Cookie").ShouldContain(c => c.StartsWith("keel_session="));
    }

    [GeneratedRegex("name=\"__RequestVerificationToken\" value=\"([^\"]+)\"")]
    private static partial Regex TokenField();
}
