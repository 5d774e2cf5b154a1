using System.Globalization;
using System.Net;
using Microsoft.AspNetCore.Http;

namespace Keel.Gigzilla.App.Web;

/// <summary>Small helpers for the server-rendered pages. Every value written into a page goes through <see cref="E"/>.</summary>
internal static class Html
{
    public static string E(object? value) => WebUtility.HtmlEncode(Convert.ToString(value, CultureInfo.InvariantCulture) ?? "");

    public static string U(string value) => Uri.EscapeDataString(value);

    public static string Date(DateOnly? date, DateOnly today) => date is not { } value
        ? ""
        : value.ToString(value.Year == today.Year ? "MMM d" : "MMM d, yyyy", CultureInfo.InvariantCulture);

    public static IResult Page(string html) => Results.Content(html, "text/html; charset=utf-8");

    /// <summary>Post/redirect/get: back to <paramref name="path"/> with a notice or an error line shown at the top.</summary>
    public static IResult Back(string path, string? notice = null, string? error = null)
    {
        var separator = path.Contains('?', StringComparison.Ordinal) ? '&' : '?';
        var query = error is not null ? $"{separator}e={U(error)}" : notice is not null ? $"{separator}n={U(notice)}" : "";
        return Results.Redirect(path + query);
    }

    /// <summary>A local path to return to, from a form's <c>back</c> field; anything else falls back to the dashboard.</summary>
    public static string LocalPath(string? back) =>
        back is { Length: > 0 } && back[0] == '/' && !back.StartsWith("//", StringComparison.Ordinal) && !back.Contains('\\', StringComparison.Ordinal) ? back : "/";
}
