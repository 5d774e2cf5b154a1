using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace Keel.FixCi.Data;

/// <summary>Whether a save failed because another writer inserted the same key first (a primary key or unique index).</summary>
internal static class UniqueViolation
{
    private const int SqlitePrimaryKey = 1555; // SQLITE_CONSTRAINT_PRIMARYKEY
    private const int SqliteUnique = 2067; // SQLITE_CONSTRAINT_UNIQUE

    public static bool Is(DbUpdateException e) => e.InnerException switch
    {
        SqliteException sqlite => sqlite.SqliteExtendedErrorCode is SqlitePrimaryKey or SqliteUnique,
        PostgresException postgres => postgres.SqlState == PostgresErrorCodes.UniqueViolation,
        _ => false,
    };
}
