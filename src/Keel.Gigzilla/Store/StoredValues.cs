using System.Globalization;
using Microsoft.Data.Sqlite;

namespace Keel.Gigzilla.Store;

/// <summary>
/// How values are written to and read from columns: dates as <c>yyyy-MM-dd</c>, amounts as exact decimal text
/// (never REAL, so nothing is rounded), ids as 32 hex digits so that a short prefix can name a row.
/// </summary>
internal static class StoredValues
{
    public static string NewId() => Guid.NewGuid().ToString("N");

    public static string ShortId(string id) => id.Length > 8 ? id[..8] : id;

    public static string Date(DateOnly date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    public static string Amount(decimal amount) => amount.ToString(CultureInfo.InvariantCulture);

    /// <summary>A UTC instant as sortable text, the same shape as <see cref="GigzillaStore.Timestamp"/>.</summary>
    public static string Instant(DateTimeOffset instant) => instant.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture);

    public static DateTimeOffset Instant(this SqliteDataReader reader, int ordinal) =>
        DateTimeOffset.ParseExact(reader.GetString(ordinal), "yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal);

    public static string? NullableString(this SqliteDataReader reader, int ordinal) =>
        reader.IsDBNull(ordinal) ? null : reader.GetString(ordinal);

    public static decimal Amount(this SqliteDataReader reader, int ordinal) =>
        decimal.Parse(reader.GetString(ordinal), NumberStyles.Number, CultureInfo.InvariantCulture);

    public static decimal? NullableAmount(this SqliteDataReader reader, int ordinal) =>
        reader.IsDBNull(ordinal) ? null : reader.Amount(ordinal);

    public static DateOnly Date(this SqliteDataReader reader, int ordinal) =>
        DateOnly.ParseExact(reader.GetString(ordinal), "yyyy-MM-dd", CultureInfo.InvariantCulture);

    public static DateOnly? NullableDate(this SqliteDataReader reader, int ordinal) =>
        reader.IsDBNull(ordinal) ? null : reader.Date(ordinal);
}
