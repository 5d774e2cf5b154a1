namespace Keel.Testing;

/// <summary>
/// One <see cref="RedisServer"/> per test process, started on first use and stopped when the process exits: by the
/// exit handler, or, when the test host is killed before that handler finishes, by the kernel (see setpriv --pdeathsig).
/// Give each test class its own logical database with <see cref="RedisServer.CreateDatabase"/>.
/// </summary>
public static class SharedRedis
{
    static readonly Lazy<Task<RedisServer>> Server = new(() => Task.Run(StartAsync));

    public static Task<RedisServer> GetAsync() => Server.Value;

    static async Task<RedisServer> StartAsync()
    {
        var server = await RedisServer.StartAsync();
        AppDomain.CurrentDomain.ProcessExit += (_, _) => server.DisposeAsync().AsTask().GetAwaiter().GetResult();
        return server;
    }
}
