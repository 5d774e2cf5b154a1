namespace Keel.Platform.Data;

/// <summary>Column and input lengths shared by validation and the database schema.</summary>
internal static class Limits
{
    /// <summary>RFC 5321's limit for a forward path.</summary>
    public const int Email = 254;
    public const int Name = 200;
    public const int Password = 200;
    public const int MinPassword = 10;
}
