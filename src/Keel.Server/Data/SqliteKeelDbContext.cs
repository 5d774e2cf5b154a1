using Keel.Platform.Data;
using Microsoft.EntityFrameworkCore;

namespace Keel.Server.Data;

/// <summary>The embedded default's database. Its migrations live in Migrations/Sqlite.</summary>
public sealed class SqliteKeelDbContext(DbContextOptions<SqliteKeelDbContext> options) : KeelDbContext(options)
{
    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        base.OnModelCreating(modelBuilder);
        ProductModels.Apply(modelBuilder);
    }
}
