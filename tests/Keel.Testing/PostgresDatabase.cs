using Xunit;

namespace Keel.Testing;

/// <summary>
/// An xunit class fixture giving a test class its own empty database on the <see cref="SharedPostgres"/> server,
/// dropped after the class has run.
/// </summary>
public sealed class PostgresDatabase : IAsyncLifetime
{
    PostgresServer? server;
    string? connectionString;

    public string Name { get; } = $"test_{Guid.NewGuid():N}";

    public string ConnectionString =>
        connectionString ?? throw new InvalidOperationException("The database is created in InitializeAsync.");

    public PostgresServer Server =>
        server ?? throw new InvalidOperationException("The database is created in InitializeAsync.");

    public async Task InitializeAsync()
    {
        server = await SharedPostgres.GetAsync();
        connectionString = await server.CreateDatabaseAsync(Name);
    }

    public async Task DisposeAsync()
    {
        if (server is not null)
        {
            await server.DropDatabaseAsync(Name);
        }
    }
}
