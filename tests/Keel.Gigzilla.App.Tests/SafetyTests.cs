using System.Net;

namespace Keel.Gigzilla.App.Tests;

/// <summary>Only the user who launched the app reaches it: launch secret, Host check, same-origin writes.</summary>
[Collection(AppCollection.Name)]
public sealed class SafetyTests(AppFixture fixture)
{
    [Fact]
    public async Task Listens_on_loopback_and_refuses_requests_without_the_launch_secret()
    {
        using var data = new TempFolder();
        await using var app = await fixture.StartAppAsync(data.Path);
        app.Address.Host.ShouldBe("127.0.0.1");
        using var client = Client(app, out _);

        (await client.GetAsync("/")).StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
        (await client.GetAsync("/money")).StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
        (await client.GetAsync("/launch?k=not-the-secret")).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        (await client.PostAsync("/quick", new FormUrlEncodedContent([new("text", "Logo for Acme, €100")]))).StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task The_launch_secret_becomes_a_strict_http_only_cookie_and_leaves_the_url()
    {
        using var data = new TempFolder();
        await using var app = await fixture.StartAppAsync(data.Path);
        using var client = Client(app, out _);

        var launch = await client.GetAsync(app.LaunchUrl.PathAndQuery);
        launch.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        launch.Headers.Location!.ToString().ShouldBe("/");
        var cookie = launch.Headers.GetValues("Set-Cookie").Single();
        cookie.ShouldContain("httponly", Case.Insensitive);
        cookie.ShouldContain("samesite=strict", Case.Insensitive);

        var home = await client.GetAsync("/");
        home.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        home.Headers.Location!.ToString().ShouldBe("/activate");
        (await client.GetAsync("/activate")).StatusCode.ShouldBe(HttpStatusCode.OK);
    }

    [Fact]
    public async Task A_foreign_host_name_is_refused_even_with_the_cookie()
    {
        using var data = new TempFolder();
        await using var app = await fixture.StartAppAsync(data.Path);
        using var client = Client(app, out _);
        await client.GetAsync(app.LaunchUrl.PathAndQuery);

        using var rebound = new HttpRequestMessage(HttpMethod.Get, "/activate");
        rebound.Headers.Host = $"attacker.example:{app.Address.Port}";
        (await client.SendAsync(rebound)).StatusCode.ShouldBe(HttpStatusCode.MisdirectedRequest);

        using var otherPort = new HttpRequestMessage(HttpMethod.Get, "/activate");
        otherPort.Headers.Host = "127.0.0.1:1";
        (await client.SendAsync(otherPort)).StatusCode.ShouldBe(HttpStatusCode.MisdirectedRequest);

        using var localhost = new HttpRequestMessage(HttpMethod.Get, "/activate");
        localhost.Headers.Host = $"localhost:{app.Address.Port}";
        (await client.SendAsync(localhost)).StatusCode.ShouldBe(HttpStatusCode.OK);
    }

    [Fact]
    public async Task A_cross_site_post_is_refused_and_a_same_origin_one_goes_through()
    {
        using var data = new TempFolder();
        await using var app = await fixture.StartAppAsync(data.Path);
        using var client = Client(app, out _);
        await client.GetAsync(app.LaunchUrl.PathAndQuery);

        (await Post(client, "https://evil.example", null)).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        (await Post(client, null, "cross-site")).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        (await Post(client, null, null)).StatusCode.ShouldBe(HttpStatusCode.Forbidden);

        // Same origin: the app answers the form (an invalid email sends the user back to the activation page).
        var same = await Post(client, app.Address.GetLeftPart(UriPartial.Authority), null);
        same.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        same.Headers.Location!.ToString().ShouldStartWith("/activate?e=");
    }

    private static Task<HttpResponseMessage> Post(HttpClient client, string? origin, string? fetchSite)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, "/activate/trial") { Content = new FormUrlEncodedContent([new("email", "not-an-email")]) };
        if (origin is not null)
        {
            request.Headers.Add("Origin", origin);
        }

        if (fetchSite is not null)
        {
            request.Headers.Add("Sec-Fetch-Site", fetchSite);
        }

        return client.SendAsync(request);
    }

    private static HttpClient Client(Web.LocalApp app, out CookieContainer cookies)
    {
        cookies = new CookieContainer();
        return new HttpClient(new HttpClientHandler { CookieContainer = cookies, AllowAutoRedirect = false }) { BaseAddress = app.Address };
    }
}
