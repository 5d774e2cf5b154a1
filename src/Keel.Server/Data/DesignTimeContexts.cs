using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;

namespace Keel.Server.Data;

/// <summary>Lets <c>dotnet ef migrations add</c> build each context without starting the server.</summary>
internal sealed class SqliteDesignTimeFactory : IDesignTimeDbContextFactory<SqliteKeelDbContext>
{
    public SqliteKeelDbContext CreateDbContext(string[] args) =>
        new(new DbContextOptionsBuilder<SqliteKeelDbContext>().UseSqlite("Data Source=design-time.db").Options);
}

internal sealed class PostgresDesignTimeFactory : IDesignTimeDbContextFactory<PostgresKeelDbContext>
{
    public PostgresKeelDbContext CreateDbContext(string[] args) =>
        new(new DbContextOptionsBuilder<PostgresKeelDbContext>().UseNpgsql("Host=localhost;Database=keel_design").Options);
}
