namespace Keel.Testing;

/// <summary>
/// One <see cref="PostgresServer"/> per test process, started on first use and stopped when the process exits: by the
/// exit handler, or, when the test host is killed before that handler finishes, by the kernel (see setpriv --pdeathsig).
/// Give each test class its own database with <see cref="PostgresServer.CreateDatabaseAsync"/>
/// (or <see cref="PostgresDatabase"/> as a class fixture).
/// </summary>
public static class SharedPostgres
{
    static readonly Lazy<Task<PostgresServer>> Server = new(() => Task.Run(StartAsync));

    public static Task<PostgresServer> GetAsync() => Server.Value;

    static async Task<PostgresServer> StartAsync()
    {
        var server = await PostgresServer.StartAsync();
        AppDomain.CurrentDomain.ProcessExit += (_, _) => server.DisposeAsync().AsTask().GetAwaiter().GetResult();
        return server;
    }
}
