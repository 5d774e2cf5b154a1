using System.Net.Sockets;
using System.Text;

namespace Keel.Testing;

/// <summary>
/// A throwaway redis-server on 127.0.0.1 on a free port, without persistence. Most tests want
/// <see cref="SharedRedis"/> and a logical database of their own from <see cref="CreateDatabase"/>.
/// </summary>
public sealed class RedisServer : IAsyncDisposable
{
    /// <summary>How many logical databases the server has, and so how many <see cref="CreateDatabase"/> can hand out.</summary>
    public const int DatabaseCount = 256;

    static readonly TimeSpan StartTimeout = TimeSpan.FromSeconds(30);

    readonly string workDirectory;
    readonly ServerProcess process;
    int nextDatabase;
    int disposed;

    RedisServer(string workDirectory, ServerProcess process, int port)
    {
        this.workDirectory = workDirectory;
        this.process = process;
        Port = port;
    }

    public string Host => "127.0.0.1";

    public int Port { get; }

    /// <summary>A StackExchange.Redis configuration string, <c>127.0.0.1:PORT</c>.</summary>
    public string ConnectionString => $"{Host}:{Port}";

    /// <exception cref="MissingBinaryException">redis-server is not installed.</exception>
    public static async Task<RedisServer> StartAsync()
    {
        var redisServer = ExecutableSearch.Find("redis-server", ["/usr/bin", "/usr/local/bin"], out var searched)
            ?? throw new MissingBinaryException("redis-server", "redis-server", searched);
        ScratchDirectory.ReapOrphans("redis", "redis.pid", "redis-server");
        var workDirectory = ScratchDirectory.Create("redis");
        try
        {
            return await ListenAsync(redisServer, workDirectory);
        }
        catch
        {
            ScratchDirectory.Delete(workDirectory);
            throw;
        }
    }

    /// <summary>
    /// Reserves a logical database no other caller gets and returns a configuration string selecting it
    /// (<c>127.0.0.1:PORT,defaultDatabase=N</c>). Database 0 is never handed out.
    /// </summary>
    public string CreateDatabase()
    {
        var database = Interlocked.Increment(ref nextDatabase);
        if (database >= DatabaseCount)
        {
            throw new InvalidOperationException(
                $"All {DatabaseCount - 1} Redis databases of this server are in use; start another RedisServer.");
        }

        return $"{ConnectionString},defaultDatabase={database}";
    }

    public async ValueTask DisposeAsync()
    {
        if (Interlocked.Exchange(ref disposed, 1) == 1)
        {
            return;
        }

        await process.StopAsync(ServerProcess.SigTerm, TimeSpan.FromSeconds(5));
        process.Dispose();
        ScratchDirectory.Delete(workDirectory);
    }

    static async Task<RedisServer> ListenAsync(string redisServer, string workDirectory)
    {
        const int attempts = 3;
        for (var attempt = 1; ; attempt++)
        {
            var port = FreePort.Next();
            var process = ServerProcess.Start(redisServer,
            [
                "--port", port.ToString(System.Globalization.CultureInfo.InvariantCulture),
                "--bind", "127.0.0.1",
                "--save", "",
                "--appendonly", "no",
                "--daemonize", "no",
                "--dir", workDirectory,
                "--pidfile", Path.Combine(workDirectory, "redis.pid"),
                "--databases", DatabaseCount.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ], workDirectory, line => line.Contains("Ready to accept connections", StringComparison.Ordinal), deathSignal: "KILL");
            try
            {
                await process.WaitUntilReadyAsync(StartTimeout);
                await PingAsync(port);
                return new RedisServer(workDirectory, process, port);
            }
            catch (ServerStartException exception) when (
                attempt < attempts && exception.ServerOutput.Contains("Address already in use", StringComparison.Ordinal))
            {
                // Another process took the free port between FreePort.Next and the bind.
                process.Dispose();
            }
            catch
            {
                process.Dispose();
                throw;
            }
        }
    }

    static async Task PingAsync(int port)
    {
        using var client = new TcpClient();
        await client.ConnectAsync("127.0.0.1", port);
        var stream = client.GetStream();
        await stream.WriteAsync("PING\r\n"u8.ToArray());
        var buffer = new byte[64];
        var read = await stream.ReadAsync(buffer);
        var reply = Encoding.ASCII.GetString(buffer, 0, read);
        if (!reply.StartsWith("+PONG", StringComparison.Ordinal))
        {
            throw new ServerStartException($"redis-server answered PING with '{reply.Trim()}'.", reply);
        }
    }
}
