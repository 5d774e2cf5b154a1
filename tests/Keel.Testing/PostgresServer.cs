using Npgsql;

namespace Keel.Testing;

/// <summary>
/// A throwaway PostgreSQL server started from the locally installed binaries: a fresh cluster in a temporary
/// directory, listening on 127.0.0.1 on a free port, trusting every local connection, with durability turned
/// off for speed. Most tests want <see cref="SharedPostgres"/> and a database of their own from
/// <see cref="CreateDatabaseAsync"/> rather than a server of their own.
/// </summary>
public sealed class PostgresServer : IAsyncDisposable
{
    public const string SuperUser = "postgres";

    const string ServiceAccount = "postgres";
    const int MaxConnections = 300;
    static readonly string[] ServiceAccountSetprivOptions =
        ["--reuid", ServiceAccount, "--regid", ServiceAccount, "--init-groups"];
    static readonly TimeSpan StartTimeout = TimeSpan.FromSeconds(60);

    readonly PostgresBinaries binaries;
    readonly string workDirectory;
    readonly ServerProcess process;
    int disposed;

    PostgresServer(PostgresBinaries binaries, string workDirectory, ServerProcess process, int port)
    {
        this.binaries = binaries;
        this.workDirectory = workDirectory;
        this.process = process;
        Port = port;
    }

    public string Host => "127.0.0.1";

    public int Port { get; }

    public string DataDirectory => Path.Combine(workDirectory, "data");

    /// <summary>The directory of the initdb and postgres binaries the server runs from.</summary>
    public string BinDirectory => binaries.Directory;

    /// <summary>
    /// Creates and starts a new cluster. PostgreSQL refuses to run as root, so under root the cluster belongs to
    /// the <c>postgres</c> system user (created when missing) and the binaries run as that user.
    /// </summary>
    /// <exception cref="MissingBinaryException">No PostgreSQL server installation was found.</exception>
    public static async Task<PostgresServer> StartAsync()
    {
        var binaries = await PostgresBinaries.LocateAsync();
        var runAsServiceAccount = Environment.UserName == "root";
        if (runAsServiceAccount)
        {
            await EnsureServiceAccountAsync();
        }

        ScratchDirectory.ReapOrphans("postgres", "data/postmaster.pid", "postgres");
        var workDirectory = ScratchDirectory.Create("postgres");
        try
        {
            if (runAsServiceAccount)
            {
                await CommandRunner.RunAsync("chown", [$"{ServiceAccount}:", workDirectory]);
            }

            await RunAsync(runAsServiceAccount, binaries.InitDb, workDirectory,
                ["-D", Path.Combine(workDirectory, "data"), "-U", SuperUser, "-A", "trust", "-E", "UTF8",
                 "--locale=C", "--no-sync", "--no-instructions"]);
            return await ListenAsync(binaries, workDirectory, runAsServiceAccount);
        }
        catch
        {
            ScratchDirectory.Delete(workDirectory);
            throw;
        }
    }

    /// <summary>A connection string for <paramref name="database"/> as the superuser.</summary>
    public string ConnectionString(string database = "postgres") => new NpgsqlConnectionStringBuilder
    {
        Host = Host,
        Port = Port,
        Username = SuperUser,
        Database = database,
        IncludeErrorDetail = true,
        // Every test class gets its own database and so its own pool; idle connections are closed soon so
        // the pools of finished classes do not use up max_connections.
        ConnectionIdleLifetime = 20,
        ConnectionPruningInterval = 5,
    }.ConnectionString;

    /// <summary>Creates an empty database and returns a connection string for it.</summary>
    /// <param name="name">The database name; a unique <c>test_…</c> name when omitted.</param>
    public async Task<string> CreateDatabaseAsync(string? name = null, CancellationToken cancellationToken = default)
    {
        name ??= $"test_{Guid.NewGuid():N}";
        await ExecuteAsync($"CREATE DATABASE {QuoteIdentifier(name)}", cancellationToken);
        return ConnectionString(name);
    }

    /// <summary>Drops a database, closing any connections still open to it.</summary>
    public async Task DropDatabaseAsync(string name, CancellationToken cancellationToken = default)
    {
        using (var connection = new NpgsqlConnection(ConnectionString(name)))
        {
            NpgsqlConnection.ClearPool(connection);
        }

        await ExecuteAsync($"DROP DATABASE IF EXISTS {QuoteIdentifier(name)} WITH (FORCE)", cancellationToken);
    }

    /// <summary>
    /// Stops the server at once (immediate shutdown: no checkpoint, the data is thrown away) and deletes its directory.
    /// </summary>
    public async ValueTask DisposeAsync()
    {
        if (Interlocked.Exchange(ref disposed, 1) == 1)
        {
            return;
        }

        NpgsqlConnection.ClearAllPools();
        // SIGQUIT is what "pg_ctl stop -m immediate" sends; signalling directly keeps this fast enough for the
        // process-exit handler of SharedPostgres.
        await process.StopAsync(ServerProcess.SigQuit, TimeSpan.FromSeconds(10));
        process.Dispose();
        ScratchDirectory.Delete(workDirectory);
    }

    static async Task<PostgresServer> ListenAsync(PostgresBinaries binaries, string workDirectory, bool runAsServiceAccount)
    {
        const int attempts = 3;
        for (var attempt = 1; ; attempt++)
        {
            var port = FreePort.Next();
            var process = ServerProcess.Start(binaries.Postgres,
            [
                "-D", Path.Combine(workDirectory, "data"),
                "-c", "listen_addresses=127.0.0.1",
                "-c", $"port={port}",
                "-c", $"unix_socket_directories={workDirectory}",
                "-c", $"max_connections={MaxConnections}",
                "-c", "fsync=off",
                "-c", "synchronous_commit=off",
                "-c", "full_page_writes=off",
                "-c", "logging_collector=off",
            ],
            workDirectory,
            line => line.Contains("database system is ready to accept connections", StringComparison.Ordinal),
            deathSignal: "QUIT",
            runAsServiceAccount ? ServiceAccountSetprivOptions : null);
            try
            {
                await process.WaitUntilReadyAsync(StartTimeout);
                return new PostgresServer(binaries, workDirectory, process, port);
            }
            catch (ServerStartException exception) when (
                attempt < attempts && exception.ServerOutput.Contains("could not bind", StringComparison.Ordinal))
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

    static async Task EnsureServiceAccountAsync()
    {
        var (exists, _) = await CommandRunner.TryRunAsync("id", ["-u", ServiceAccount]);
        if (exists == 0)
        {
            return;
        }

        var (created, output) = await CommandRunner.TryRunAsync(
            "useradd", ["--system", "--user-group", "--no-create-home", "--shell", "/usr/sbin/nologin", ServiceAccount]);
        if (created != 0)
        {
            throw new InvalidOperationException(
                $"PostgreSQL cannot run as root and the '{ServiceAccount}' user does not exist; creating it failed: {output}");
        }
    }

    static Task RunAsync(bool runAsServiceAccount, string program, string workDirectory, IReadOnlyList<string> arguments) =>
        runAsServiceAccount
            ? CommandRunner.RunAsync("setpriv", [.. ServiceAccountSetprivOptions, "--", program, .. arguments], workDirectory)
            : CommandRunner.RunAsync(program, arguments, workDirectory);

    async Task ExecuteAsync(string sql, CancellationToken cancellationToken)
    {
        await using var connection = new NpgsqlConnection(ConnectionString());
        await connection.OpenAsync(cancellationToken);
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    static string QuoteIdentifier(string name) => $"\"{name.Replace("\"", "\"\"", StringComparison.Ordinal)}\"";
}
