
using Xunit;

namespace Keel.Testing;

/// <summary>One server per test class and provider; tests inside a class use fresh accounts so they never share state.</summary>
public abstract class ServerFixture(Db database) : IAsyncLifetime
{
    public KeelTestServer Server { get; private set; } = null!;
    public Db Database => database;

    public async Task InitializeAsync() => Server = await KeelTestServer.StartAsync(o => o.Database = database);

    public async Task DisposeAsync() => await Server.DisposeAsync();
}

public sealed class SqliteServer() : ServerFixture(Db.Sqlite);

public sealed class PostgresServerFixture() : ServerFixture(Db.Postgres);
