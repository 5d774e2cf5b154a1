using Npgsql;

namespace Keel.Testing.Tests;

public sealed class PostgresServerTests(PostgresDatabase database) : IClassFixture<PostgresDatabase>
{
    [Fact]
    public async Task A_fresh_database_accepts_a_table_rows_and_queries()
    {
        await using var connection = new NpgsqlConnection(database.ConnectionString);
        await connection.OpenAsync();

        await ExecuteAsync(connection, "CREATE TABLE notes (id serial PRIMARY KEY, body text NOT NULL)");
        await ExecuteAsync(connection, "INSERT INTO notes (body) VALUES ('first'), ('second')");

        await using var select = new NpgsqlCommand("SELECT body FROM notes ORDER BY id", connection);
        await using var reader = await select.ExecuteReaderAsync();
        var bodies = new List<string>();
        while (await reader.ReadAsync())
        {
            bodies.Add(reader.GetString(0));
        }

        bodies.ShouldBe(["first", "second"]);
    }

    [Fact]
    public async Task Two_created_databases_do_not_see_each_others_tables()
    {
        var server = await SharedPostgres.GetAsync();
        var first = await server.CreateDatabaseAsync();
        var second = await server.CreateDatabaseAsync();
        first.ShouldNotBe(second);

        await using (var connection = new NpgsqlConnection(first))
        {
            await connection.OpenAsync();
            await ExecuteAsync(connection, "CREATE TABLE only_in_first (id int)");
        }

        await using (var connection = new NpgsqlConnection(second))
        {
            await connection.OpenAsync();
            await using var count = new NpgsqlCommand(
                "SELECT count(*) FROM information_schema.tables WHERE table_name = 'only_in_first'", connection);
            ((long)(await count.ExecuteScalarAsync())!).ShouldBe(0);
        }
    }

    [Fact]
    public async Task Many_databases_can_be_created_at_once_as_parallel_test_classes_do()
    {
        var server = await SharedPostgres.GetAsync();

        var connectionStrings = await Task.WhenAll(Enumerable.Range(0, 12).Select(_ => server.CreateDatabaseAsync()));

        connectionStrings.Distinct().Count().ShouldBe(12);
        await Task.WhenAll(connectionStrings.Select(async connectionString =>
        {
            await using var connection = new NpgsqlConnection(connectionString);
            await connection.OpenAsync();
        }));
    }

    [Fact]
    public async Task The_server_listens_on_loopback_with_durability_off_for_speed()
    {
        await using var connection = new NpgsqlConnection(database.ConnectionString);
        await connection.OpenAsync();

        (await ShowAsync(connection, "listen_addresses")).ShouldBe("127.0.0.1");
        (await ShowAsync(connection, "fsync")).ShouldBe("off");
        (await ShowAsync(connection, "synchronous_commit")).ShouldBe("off");
        (await ShowAsync(connection, "full_page_writes")).ShouldBe("off");
        (await ShowAsync(connection, "server_encoding")).ShouldBe("UTF8");
        int.Parse(await ShowAsync(connection, "max_connections"), System.Globalization.CultureInfo.InvariantCulture)
            .ShouldBeGreaterThanOrEqualTo(200);
    }

    [Fact]
    public async Task Dropping_a_database_closes_its_connections()
    {
        var server = await SharedPostgres.GetAsync();
        var connectionString = await server.CreateDatabaseAsync("drop_me");
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();

        await server.DropDatabaseAsync("drop_me");

        await Should.ThrowAsync<PostgresException>(() => new NpgsqlConnection(connectionString).OpenAsync());
    }

    [Fact]
    public async Task A_disposed_server_stops_listening_and_leaves_no_directory_behind()
    {
        var server = await PostgresServer.StartAsync();
        var connectionString = server.ConnectionString();
        var dataDirectory = server.DataDirectory;
        await using (var connection = new NpgsqlConnection(connectionString))
        {
            await connection.OpenAsync();
            (await ShowAsync(connection, "port")).ShouldBe(server.Port.ToString(System.Globalization.CultureInfo.InvariantCulture));
        }

        await server.DisposeAsync();

        Directory.Exists(dataDirectory).ShouldBeFalse();
        await Should.ThrowAsync<NpgsqlException>(() => new NpgsqlConnection(connectionString + ";Pooling=false").OpenAsync());
    }

    static async Task ExecuteAsync(NpgsqlConnection connection, string sql)
    {
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync();
    }

    static async Task<string> ShowAsync(NpgsqlConnection connection, string setting)
    {
        await using var command = new NpgsqlCommand($"SHOW {setting}", connection);
        return (string)(await command.ExecuteScalarAsync())!;
    }
}
