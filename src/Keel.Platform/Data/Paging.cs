namespace Keel.Platform.Data;

internal static class Paging
{
    public const int MaxPageSize = 200;

    /// <summary>Page numbers start at 1; out-of-range values are clamped rather than rejected.</summary>
    public static (int Page, int PageSize) Normalize(int? page, int? pageSize) =>
        (Math.Max(1, page ?? 1), Math.Clamp(pageSize ?? 50, 1, MaxPageSize));
}
