using Keel.Testing;

namespace Keel.Web.Tests;

/// <summary>One real server (Kestrel, SQLite, mail as .eml files) per test class; tests use fresh accounts.</summary>
public sealed class WebServer : IAsyncLifetime
{
    public KeelTestServer Server { get; private set; } = null!;

    public async Task InitializeAsync() => Server = await KeelTestServer.StartAsync();

    public async Task DisposeAsync() => await Server.DisposeAsync();
}
