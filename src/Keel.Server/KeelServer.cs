using Keel.FixCi;
using Keel.Gigzilla.Api;
using Keel.Platform;
using Keel.Server.Data;
using Microsoft.Extensions.Options;
using Scalar.AspNetCore;

namespace Keel.Server;

/// <summary>Wires the platform and the product modules into one web application.</summary>
public static class KeelServer
{
    public static WebApplication Build(string[] args, Action<WebApplicationBuilder>? configure = null)
    {
        // Configuration files ship next to the executable; the working directory is only where ./data goes.
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions { Args = args, ContentRootPath = AppContext.BaseDirectory });
        configure?.Invoke(builder);
        builder.Services.AddKeelPlatform<SqliteKeelDbContext, PostgresKeelDbContext>(builder.Configuration);
        builder.Services.AddGigzilla();
        builder.Services.AddFixCi(builder.Configuration);
        builder.Services.AddUpcomingProductLandings();
        builder.Services.AddOpenApi(o => o.AddDocumentTransformer((document, _, _) =>
        {
            document.Info.Title = "Keel API";
            document.Info.Description = "Accounts, organizations, API keys and administration of a Keel server.";
            return Task.CompletedTask;
        }));

        var app = builder.Build();
        app.Use(SecurityHeaders.ApplyAsync);
        app.UseKeelPlatform();
        app.MapOpenApi().AllowAnonymous();
        app.MapScalarApiReference("/docs", o => o.WithTitle("Keel API")).AllowAnonymous();
        app.MapKeelPlatform();
        app.MapGigzilla();
        app.MapFixCi();
        return app;
    }

    /// <summary>Creates the data directory and applies migrations when configured to, before the server listens.</summary>
    public static async Task PrepareAsync(WebApplication app)
    {
        var options = app.Services.GetRequiredService<IOptions<KeelOptions>>().Value;
        if (options.Database.MigrateOnStartup) await app.Services.MigrateKeelDatabaseAsync();
        app.Logger.LogInformation("Keel uses {Provider}; data directory {DataDirectory}",
            options.Database.Provider, Path.GetFullPath(options.DataDirectory));
    }
}
