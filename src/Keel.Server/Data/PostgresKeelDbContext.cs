using Keel.Platform.Data;
using Microsoft.EntityFrameworkCore;

namespace Keel.Server.Data;

/// <summary>The production database. Its migrations live in Migrations/Postgres.</summary>
public sealed class PostgresKeelDbContext(DbContextOptions<PostgresKeelDbContext> options) : KeelDbContext(options)
{
    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        base.OnModelCreating(modelBuilder);
        ProductModels.Apply(modelBuilder);
    }
}
