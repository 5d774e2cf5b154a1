using Keel.Testing;
using Microsoft.Extensions.Time.Testing;

namespace Keel.Gigzilla.Api.Tests;

/// <summary>A Keel server whose clock the test moves, so trials can end.</summary>
public sealed class GigzillaServer : IAsyncLifetime
{
    public FakeTimeProvider Time { get; } = new(new DateTimeOffset(2026, 11, 23, 9, 0, 0, TimeSpan.Zero));
    public KeelTestServer Server { get; private set; } = null!;

    public async Task InitializeAsync() => Server = await KeelTestServer.StartAsync(o => o.Time = Time);

    public async Task DisposeAsync() => await Server.DisposeAsync();
}
