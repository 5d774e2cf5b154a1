using System.Net;
using Keel.Server;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Keel.Testing;

public enum Db
{
    Sqlite,
    Postgres,
}

/// <summary>Settings of one test server; anything not set is the embedded default.</summary>
public sealed class KeelTestServerOptions
{
    public Db Database { get; set; } = Db.Sqlite;
    /// <summary>Connect to an existing database instead of creating a fresh one (several instances, one database).</summary>
    public string? ConnectionString { get; set; }
    public string? Redis { get; set; }
    public SmtpListener? Smtp { get; set; }
    public TimeProvider? Time { get; set; }
    /// <summary>Registrations made before the server's own, where a product module's <c>AddXxx</c> would make them.</summary>
    public Action<IServiceCollection>? Services { get; set; }
    /// <summary>Limits are generous by default so tests sharing 127.0.0.1 do not trip each other; rate-limit tests tighten them.</summary>
    public Dictionary<string, string?> Settings { get; } = new()
    {
        ["Keel:Limits:LoginPerIp:Permits"] = "100000",
        ["Keel:Limits:Anonymous:Permits"] = "100000",
        ["Keel:Limits:Api:Permits"] = "100000",
        ["Keel:Limits:MagicLinkVerify:Permits"] = "100000",
        ["Keel:Email:PollInterval"] = "00:00:00.200",
        ["Keel:Email:MaxBackoff"] = "00:00:01",
    };
}

/// <summary>The real Keel server on a free loopback port: real Kestrel, real database, real HTTP.</summary>
public sealed class KeelTestServer : IAsyncDisposable
{
    private readonly WebApplication _app;

    private KeelTestServer(WebApplication app, Uri address, string dataDirectory, string connectionString)
    {
        _app = app;
        Address = address;
        DataDirectory = dataDirectory;
        ConnectionString = connectionString;
    }

    public Uri Address { get; }
    public string DataDirectory { get; }
    public string ConnectionString { get; }
    public string MailDirectory => Path.Combine(DataDirectory, "mail");
    public IServiceProvider Services => _app.Services;

    public static async Task<KeelTestServer> StartAsync(Action<KeelTestServerOptions>? configure = null)
    {
        var options = new KeelTestServerOptions();
        configure?.Invoke(options);
        var dataDirectory = Directory.CreateTempSubdirectory("keel-test-").FullName;
        var connectionString = options.ConnectionString ?? options.Database switch
        {
            Db.Postgres => await (await SharedPostgres.GetAsync()).CreateDatabaseAsync(),
            _ => $"Data Source={Path.Combine(dataDirectory, "keel.db")}",
        };
        var port = FreePort.Next();
        var settings = new Dictionary<string, string?>(options.Settings)
        {
            ["urls"] = $"http://127.0.0.1:{port}",
            ["Keel:DataDirectory"] = dataDirectory,
            ["Keel:PublicUrl"] = $"http://127.0.0.1:{port}",
            ["Keel:Database:Provider"] = options.Database.ToString(),
            ["Keel:Database:ConnectionString"] = connectionString,
            ["Keel:Redis"] = options.Redis,
            ["Keel:Smtp:Host"] = options.Smtp?.Host,
            ["Keel:Smtp:Port"] = options.Smtp?.Port.ToString(),
            ["Keel:Smtp:Security"] = "None",
        };
        var args = settings.Where(s => s.Value is not null).Select(s => $"--{s.Key}={s.Value}").ToArray();
        var app = KeelServer.Build(args, builder =>
        {
            builder.Logging.ClearProviders();
            if (options.Time is not null) builder.Services.AddSingleton(options.Time);
            options.Services?.Invoke(builder.Services);
        });
        await KeelServer.PrepareAsync(app);
        await app.StartAsync();
        return new KeelTestServer(app, new Uri($"http://127.0.0.1:{port}"), dataDirectory, connectionString);
    }

    /// <summary>A client with its own cookie jar, like one browser.</summary>
    public HttpClient CreateClient(CookieContainer? cookies = null) =>
        new(new HttpClientHandler { CookieContainer = cookies ?? new CookieContainer(), AllowAutoRedirect = false }) { BaseAddress = Address };

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
        try
        {
            Directory.Delete(DataDirectory, recursive: true);
        }
        catch (IOException)
        {
            // SQLite may still hold the file for a moment; the temp directory is cleaned by the OS eventually.
        }
    }
}
