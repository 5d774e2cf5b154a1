using Keel.Platform.Data;
using Keel.Testing;
using Keel.Server.Cli;
using Keel.Server.Data;
using Microsoft.EntityFrameworkCore;

namespace Keel.Platform.Tests.Server;

public sealed class CommandTests
{
    [Fact]
    public async Task Migrate_creates_the_sqlite_database_and_admin_create_makes_an_administrator_who_can_sign_in()
    {
        var data = Directory.CreateTempSubdirectory("keel-cli-").FullName;
        string[] config = [$"--Keel:DataDirectory={data}"];
        (await Commands.RunAsync(["migrate", .. config])).ShouldBe(0);
        File.Exists(Path.Combine(data, "keel.db")).ShouldBeTrue();

        (await Commands.RunAsync(["admin", "create", "--email", "root@example.com", "--password", KeelApi.Password, .. config])).ShouldBe(0);
        await using var server = await KeelTestServer.StartAsync(o => o.ConnectionString = $"Data Source={Path.Combine(data, "keel.db")}");
        var admin = server.CreateClient();
        (await admin.PostJsonAsync("/api/v1/auth/login", new { email = "root@example.com", password = KeelApi.Password })).EnsureSuccessStatusCode();
        (await admin.GetAsync("/api/v1/admin/stats")).EnsureSuccessStatusCode();

        // Running it again promotes rather than duplicates.
        (await Commands.RunAsync(["admin", "create", "--email", "ROOT@example.com", .. config])).ShouldBe(0);
    }

    [Theory]
    [InlineData("admin create")]
    [InlineData("admin create --email not-an-email")]
    [InlineData("admin create --email a@example.com --password short")]
    [InlineData("admin create --email a@example.com --bogus x")]
    [InlineData("admin create --email")]
    [InlineData("frobnicate")]
    [InlineData("fixci analyze")]
    [InlineData("fixci analyze --fail /no/such/file.log")]
    public async Task Bad_command_lines_fail_with_a_non_zero_exit(string commandLine)
    {
        (await Commands.RunAsync(commandLine.Split(' '))).ShouldNotBe(0);
    }

    [Fact]
    public async Task Migrate_brings_a_fresh_postgres_database_up_to_date()
    {
        var connectionString = await (await SharedPostgres.GetAsync()).CreateDatabaseAsync();
        (await Commands.RunAsync(["migrate", "--Keel:Database:Provider=Postgres", $"--Keel:Database:ConnectionString={connectionString}"])).ShouldBe(0);
        await using var db = new PostgresKeelDbContext(new DbContextOptionsBuilder<PostgresKeelDbContext>().UseNpgsql(connectionString).Options);
        (await db.Database.GetPendingMigrationsAsync()).ShouldBeEmpty();
        (await db.Accounts.CountAsync()).ShouldBe(0);
    }

    [Fact]
    public void The_migrations_of_both_providers_match_the_model()
    {
        using var sqlite = new SqliteKeelDbContext(new DbContextOptionsBuilder<SqliteKeelDbContext>().UseSqlite("Data Source=:memory:").Options);
        sqlite.Database.HasPendingModelChanges().ShouldBeFalse("run scripts/add-migration after changing the model");
        using var postgres = new PostgresKeelDbContext(new DbContextOptionsBuilder<PostgresKeelDbContext>().UseNpgsql("Host=unused").Options);
        postgres.Database.HasPendingModelChanges().ShouldBeFalse("run scripts/add-migration after changing the model");
    }
}
