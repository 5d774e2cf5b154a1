using Microsoft.Data.Sqlite;

namespace Keel.Gigzilla.Store;

/// <summary>
/// The local SQLite store in one folder. WAL journal with <c>synchronous=FULL</c>, so a committed write survives a
/// crash or power loss; every change goes through <see cref="Write{T}"/>, one transaction per use case.
/// </summary>
internal sealed class GigzillaStore : IDisposable
{
    public const string FileName = "gigzilla.db";

    private readonly SqliteConnection connection;
    private SqliteTransaction? transaction;

    private GigzillaStore(SqliteConnection connection, string directory, TimeProvider clock)
    {
        this.connection = connection;
        Directory = directory;
        Clock = clock;
    }

    public string Directory { get; }

    public string DatabasePath => Path.Combine(Directory, FileName);

    public TimeProvider Clock { get; }

    /// <summary>The user's local date, against which deadlines, due dates and "this month" are read.</summary>
    public DateOnly Today => DateOnly.FromDateTime(Clock.GetLocalNow().DateTime);

    /// <summary>Opens the store in <paramref name="directory"/>, creating it and bringing its schema up to date.</summary>
    public static GigzillaStore Open(string directory, TimeProvider clock)
    {
        System.IO.Directory.CreateDirectory(directory);
        var connectionString = new SqliteConnectionStringBuilder
        {
            DataSource = Path.Combine(directory, FileName),
            Mode = SqliteOpenMode.ReadWriteCreate,
            ForeignKeys = true,
            // Pooling keeps file handles open after Dispose; a closed store must release its files (backups, tests).
            Pooling = false,
            DefaultTimeout = 10,
        }.ToString();
        var connection = new SqliteConnection(connectionString);
        try
        {
            connection.Open();
            var store = new GigzillaStore(connection, directory, clock);
            // WAL with FULL sync: a committed transaction is on disk before Commit returns, and a crash rolls back only
            // the unfinished one. A 32 MB page cache holds a large freelancer's whole store.
            store.Execute("PRAGMA journal_mode=WAL; PRAGMA synchronous=FULL; PRAGMA busy_timeout=10000; PRAGMA cache_size=-32768;");
            StoreMigrations.Apply(store);
            return store;
        }
        catch
        {
            connection.Dispose();
            throw;
        }
    }

    /// <summary>True when a store exists in <paramref name="directory"/>; reading commands then open it, others create it.</summary>
    public static bool ExistsIn(string directory) => File.Exists(Path.Combine(directory, FileName));

    /// <summary>Runs <paramref name="work"/> in one immediate transaction, committed only when it returns without failure.</summary>
    public Outcome<T> Write<T>(Func<Outcome<T>> work)
    {
        if (transaction is not null)
        {
            return work();
        }

        transaction = connection.BeginTransaction(deferred: false);
        try
        {
            var outcome = work();
            if (outcome.Succeeded)
            {
                transaction.Commit();
            }
            else
            {
                transaction.Rollback();
            }

            return outcome;
        }
        catch
        {
            transaction.Rollback();
            throw;
        }
        finally
        {
            transaction.Dispose();
            transaction = null;
        }
    }

    public SqliteCommand Command(string sql, params (string Name, object? Value)[] parameters)
    {
        var command = connection.CreateCommand();
        command.CommandText = sql;
        command.Transaction = transaction;
        foreach (var (name, value) in parameters)
        {
            command.Parameters.AddWithValue(name, ToDatabase(value));
        }

        return command;
    }

    public int Execute(string sql, params (string Name, object? Value)[] parameters)
    {
        using var command = Command(sql, parameters);
        return command.ExecuteNonQuery();
    }

    public object? Scalar(string sql, params (string Name, object? Value)[] parameters)
    {
        using var command = Command(sql, parameters);
        var value = command.ExecuteScalar();
        return value is DBNull ? null : value;
    }

    public List<T> Query<T>(string sql, Func<SqliteDataReader, T> read, params (string Name, object? Value)[] parameters)
    {
        using var command = Command(sql, parameters);
        using var reader = command.ExecuteReader();
        var rows = new List<T>();
        while (reader.Read())
        {
            rows.Add(read(reader));
        }

        return rows;
    }

    /// <summary>A timestamp for created/updated columns, from the injected clock.</summary>
    public string Timestamp() => StoredValues.Instant(Clock.GetUtcNow());

    public void Dispose()
    {
        transaction?.Dispose();
        connection.Dispose();
    }

    private static object ToDatabase(object? value) => value switch
    {
        null => DBNull.Value,
        DateOnly date => StoredValues.Date(date),
        DateTimeOffset instant => StoredValues.Instant(instant),
        decimal amount => StoredValues.Amount(amount),
        bool flag => flag ? 1 : 0,
        _ => value,
    };
}
