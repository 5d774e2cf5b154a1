using Microsoft.Playwright;

namespace Keel.Testing.Browser;

/// <summary>
/// One headless Chromium per test process, driven by Playwright. It launches Debian's <c>/usr/bin/chromium</c>
/// (or <c>KEEL_CHROMIUM</c>) rather than a browser downloaded by <c>playwright install</c>, which cannot reach
/// its CDN here. Give each test its own <see cref="IBrowserContext"/> (cookies and storage are per context).
/// </summary>
public static class SharedChromium
{
    static readonly Lazy<Task<IBrowser>> Browser = new(() => Task.Run(LaunchAsync));

    public static Task<IBrowser> GetAsync() => Browser.Value;

    /// <summary>A fresh, isolated browser context, optionally with a base URL and a phone-sized viewport.</summary>
    public static async Task<IBrowserContext> NewContextAsync(string? baseUrl = null, bool phone = false)
    {
        var browser = await GetAsync();
        return await browser.NewContextAsync(new BrowserNewContextOptions
        {
            BaseURL = baseUrl,
            ViewportSize = phone ? new ViewportSize { Width = 390, Height = 844 } : new ViewportSize { Width = 1280, Height = 800 },
            Locale = "en-US",
            TimezoneId = "UTC",
        });
    }

    static async Task<IBrowser> LaunchAsync()
    {
        var executable = Environment.GetEnvironmentVariable("KEEL_CHROMIUM");
        if (string.IsNullOrEmpty(executable))
        {
            executable = ExecutableSearch.Find("chromium", ["/usr/bin", "/usr/lib/chromium"], out var searched)
                ?? throw new MissingBinaryException("chromium", "chromium", searched);
        }

        var playwright = await Playwright.CreateAsync();
        var browser = await playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = executable,
            Headless = true,
            // Chromium refuses its sandbox as root (CI runs as root); the pages under test are our own.
            Args = ["--no-sandbox", "--disable-dev-shm-usage", "--disable-gpu"],
        });
        AppDomain.CurrentDomain.ProcessExit += (_, _) =>
        {
            browser.CloseAsync().GetAwaiter().GetResult();
            playwright.Dispose();
        };
        return browser;
    }
}
