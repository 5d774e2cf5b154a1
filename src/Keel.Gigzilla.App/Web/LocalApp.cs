using System.Net;
using Keel.Gigzilla.App.Web.License;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Keel.Gigzilla.App.Web;

/// <summary>
/// The local web app: Kestrel on 127.0.0.1 at a free port, server-rendered pages over the domain library, one script
/// and one stylesheet. Started by <c>gigzilla</c> with no command, and in-process by the tests.
/// </summary>
internal sealed class LocalApp : IAsyncDisposable
{
    /// <summary>How often the app runs the automation engine and checks whether the license is due for re-validation.</summary>
    public static readonly TimeSpan TickEvery = TimeSpan.FromMinutes(1);

    private readonly WebApplication app;
    private readonly CancellationTokenSource stopping = new();
    private readonly Task ticking;

    private LocalApp(WebApplication app, Uri address, string secret)
    {
        this.app = app;
        Address = address;
        LaunchUrl = new Uri(address, $"{LaunchGuard.LaunchPath}?k={secret}");
        ticking = Task.Run(() => TickAsync(stopping.Token));
    }

    /// <summary><c>http://127.0.0.1:PORT</c>.</summary>
    public Uri Address { get; }

    /// <summary>The address with the per-launch secret: the one URL that lets a browser in.</summary>
    public Uri LaunchUrl { get; }

    public IServiceProvider Services => app.Services;

    /// <summary>Cancelled when the host stops, e.g. on SIGTERM or Ctrl+C (the host's console lifetime handles both).</summary>
    public CancellationToken Stopping => app.Lifetime.ApplicationStopping;

    public static async Task<LocalApp> StartAsync(LocalAppOptions options, CancellationToken ct = default)
    {
        var builder = WebApplication.CreateSlimBuilder(new WebApplicationOptions { ApplicationName = "gigzilla", ContentRootPath = AppContext.BaseDirectory });
        // Request logs would carry the launch secret; the app logs nothing but warnings from the host itself.
        builder.Logging.ClearProviders();
        builder.WebHost.UseKestrel(kestrel => kestrel.Listen(IPAddress.Loopback, 0));
        var guard = new LaunchGuard();
        builder.Services.AddSingleton(options);
        builder.Services.AddSingleton(guard);
        builder.Services.AddSingleton(_ => new Workspace(options.DataDirectory, options.Clock));
        builder.Services.AddSingleton(_ => new LicenseServer(new HttpClient { Timeout = TimeSpan.FromSeconds(15) }, options.ApiUrl));
        builder.Services.AddSingleton<LicenseGate>();

        var app = builder.Build();
        app.Use(guard.InvokeAsync);
        app.Use(LicenseRules);
        MapRoutes(app);
        await app.StartAsync(ct);

        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        var port = new Uri(address).Port;
        guard.Port = port;
        return new LocalApp(app, new Uri($"http://127.0.0.1:{port}"), guard.Secret);
    }

    public async ValueTask DisposeAsync()
    {
        await stopping.CancelAsync();
        try
        {
            await ticking;
        }
        catch (OperationCanceledException)
        {
        }

        await app.StopAsync();
        await app.DisposeAsync();
        stopping.Dispose();
    }

    /// <summary>
    /// Before activation every page leads to the activation screen; once the license has ended the data stays
    /// viewable and exportable, and every change is refused with the reason and the way out.
    /// </summary>
    private static async Task LicenseRules(HttpContext http, RequestDelegate next)
    {
        var path = http.Request.Path.Value ?? "/";
        if (path.StartsWith("/assets/", StringComparison.Ordinal) || path.StartsWith("/activate", StringComparison.Ordinal))
        {
            await next(http);
            return;
        }

        var state = http.RequestServices.GetRequiredService<LicenseGate>().Current();
        var reading = HttpMethods.IsGet(http.Request.Method) || HttpMethods.IsHead(http.Request.Method);
        if (state.Mode == LicenseMode.NeedsActivation)
        {
            if (reading)
            {
                http.Response.Redirect("/activate");
            }
            else
            {
                http.Response.StatusCode = StatusCodes.Status403Forbidden;
                await http.Response.WriteAsync("Activate Gigzilla first.");
            }

            return;
        }

        if (state.Mode == LicenseMode.ReadOnly && !reading && path != "/license/refresh")
        {
            http.Response.StatusCode = StatusCodes.Status403Forbidden;
            var message = $"Not saved: Gigzilla is read-only. {state.Message}";
            if (http.Request.Headers.Accept.ToString().Contains("application/json", StringComparison.Ordinal))
            {
                await http.Response.WriteAsJsonAsync(new { saved = false, error = message });
                return;
            }

            await Layout.Bare("Read-only", $"""
                <h1>Read-only</h1>
                <div class="notice readonly" role="alert" id="readonly-refused">{Html.E(message)}</div>
                <p><a class="button primary" href="/upgrade">Upgrade</a> <a class="button" href="/">Back to my data</a> <a class="button" href="/export">Export</a></p>
                """).ExecuteAsync(http);
            return;
        }

        await next(http);
    }

    private static void MapRoutes(WebApplication app)
    {
        app.MapGet("/", DashboardPage.Get);
        app.MapGet("/pipeline", PipelinePage.Get);
        app.MapPost("/projects/move", PipelinePage.Move);
        app.MapGet("/projects/{id}", PipelinePage.Project);
        app.MapPost("/projects/{id}/invoice", PipelinePage.InvoiceNow);
        app.MapPost("/projects/{id}/edit", PipelinePage.Edit);
        app.MapGet("/money", MoneyPage.Get);
        app.MapPost("/invoices/{id}/send", MoneyPage.Send);
        app.MapPost("/invoices/{id}/pay", MoneyPage.Pay);
        app.MapPost("/invoices/{id}/credit", MoneyPage.Credit);
        app.MapPost("/invoices/{id}/remind", AutomationEndpoints.Remind);
        app.MapGet("/invoices/{id}/pdf", AutomationEndpoints.Pdf);
        app.MapPost("/projects/{id}/cancel-auto-invoice", AutomationEndpoints.CancelAutoInvoice);
        app.MapGet("/clients", ClientsPage.List);
        app.MapGet("/clients/{id}", ClientsPage.Show);
        app.MapGet("/settings", SettingsPage.Get);
        app.MapPost("/settings", SettingsPage.Set);
        app.MapPost("/settings/profile", SettingsPage.SetProfile);
        app.MapPost("/backups", SettingsPage.Backup);
        app.MapPost("/backups/restore", SettingsPage.Restore);
        app.MapGet("/export", ExportEndpoint.Get);
        app.MapGet("/search", QuickEntryEndpoints.Search);
        app.MapGet("/api/parse", QuickEntryEndpoints.Parse);
        app.MapPost("/quick", QuickEntryEndpoints.Add);
        app.MapGet("/activate", AccountPages.Activate);
        app.MapPost("/activate/trial", AccountPages.StartTrial);
        app.MapPost("/activate/key", AccountPages.ActivateKey);
        app.MapPost("/license/refresh", AccountPages.Refresh);
        app.MapGet("/upgrade", AccountPages.Upgrade);
        app.MapGet("/account", AccountPages.Account);
        app.MapGet("/assets/{name}", Assets.Get);
    }

    /// <summary>While the app runs: the automation engine every minute, the license re-validated when a day has passed.</summary>
    private async Task TickAsync(CancellationToken ct)
    {
        var options = app.Services.GetRequiredService<LocalAppOptions>();
        var workspace = app.Services.GetRequiredService<Workspace>();
        var gate = app.Services.GetRequiredService<LicenseGate>();
        while (!ct.IsCancellationRequested)
        {
            try
            {
                await gate.RefreshAsync(force: false, ct);
                if (gate.Current().Mode == LicenseMode.Active)
                {
                    AutomationEndpoints.RunDue(workspace);
                }
            }
            catch (Exception exception) when (exception is not OperationCanceledException)
            {
                await Console.Error.WriteLineAsync($"gigzilla: background work failed: {exception.Message}");
            }

            await Task.Delay(TickEvery, options.Clock, ct);
        }
    }
}
