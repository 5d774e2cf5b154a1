namespace Keel.Platform.Data;

internal static class Paging
{
    public const int MaxPageSize = 200;
    /// <summary>Far beyond any real listing; keeps <c>(page - 1) * pageSize</c> inside an int.</summary>
    public const int MaxPage = 1_000_000;

    /// <summary>Page numbers start at 1; out-of-range values are clamped rather than rejected.</summary>
    public static (int Page, int PageSize) Normalize(int? page, int? pageSize) =>
        (Math.Clamp(page ?? 1, 1, MaxPage), Math.Clamp(pageSize ?? 50, 1, MaxPageSize));
}
