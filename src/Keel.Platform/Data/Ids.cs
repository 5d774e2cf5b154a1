namespace Keel.Platform.Data;

/// <summary>UUIDv7 ids: time-ordered, so inserts stay at the end of indexes.</summary>
public static class Ids
{
    public static Guid New(TimeProvider time) => Guid.CreateVersion7(time.GetUtcNow());
}
