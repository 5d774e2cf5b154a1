using Keel.Gigzilla.App.Web;
using Keel.Testing;
using Keel.Testing.Browser;
using Microsoft.Extensions.Time.Testing;
using Microsoft.Playwright;

namespace Keel.Gigzilla.App.Tests;

/// <summary>
/// A real Keel server (the license side) and the local app started in-process on temp data folders; both read
/// one clock the tests move, so a trial can end.
/// </summary>
public sealed class AppFixture : IAsyncLifetime
{
    private int emails;

    public FakeTimeProvider Time { get; } = new(new DateTimeOffset(2026, 11, 23, 9, 0, 0, TimeSpan.Zero));

    public KeelTestServer Server { get; private set; } = null!;

    public Uri ApiUrl => new(Server.Address, "/gigzilla");

    public async Task InitializeAsync() => Server = await KeelTestServer.StartAsync(o => o.Time = Time);

    public async Task DisposeAsync() => await Server.DisposeAsync();

    public string NewEmail() => $"freelancer{Interlocked.Increment(ref emails)}-{Guid.NewGuid().ToString("N")[..10]}@example.com";

    internal Task<LocalApp> StartAppAsync(string dataDirectory) =>
        LocalApp.StartAsync(new LocalAppOptions(dataDirectory, Time, ApiUrl, new Uri("http://127.0.0.1:9/checkout")));

    /// <summary>Opens the launch URL in a fresh browser context; with <paramref name="activate"/>, starts a trial first.</summary>
    internal async Task<IPage> OpenAsync(LocalApp app, bool activate = true)
    {
        var context = await SharedChromium.NewContextAsync();
        var page = await context.NewPageAsync();
        await page.GotoAsync(app.LaunchUrl.ToString());
        if (activate)
        {
            await page.WaitForURLAsync("**/activate");
            await page.FillAsync("#trial-email", NewEmail());
            await page.ClickAsync("#trial-form button");
            await page.WaitForURLAsync(url => new Uri(url).AbsolutePath == "/");
        }

        return page;
    }
}

[CollectionDefinition(Name)]
public sealed class AppCollection : ICollectionFixture<AppFixture>
{
    public const string Name = "gigzilla app";
}
