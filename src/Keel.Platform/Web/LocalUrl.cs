namespace Keel.Platform.Web;

internal static class LocalUrl
{
    /// <summary>Only paths on this site: "/x" but not "//evil.example" or "/\evil.example", so a crafted sign-in link
    /// cannot send someone elsewhere after they sign in. Control characters are refused too: browsers drop a tab or a
    /// newline from a URL, which would turn "/\t/evil.example" into "//evil.example".</summary>
    public static string OrDefault(string? url, string fallback = "/dashboard") =>
        url is { Length: > 0 and < 2000 } && url[0] == '/' && (url.Length == 1 || (url[1] != '/' && url[1] != '\\')) && !url.Any(char.IsControl)
            ? url
            : fallback;

    /// <summary>A link to the sign-in or sign-up page that carries a local return address on (and drops any other).</summary>
    public static string WithReturn(string page, string? returnUrl) =>
        OrDefault(returnUrl, fallback: "") is { Length: > 0 } back ? $"{page}?returnUrl={Uri.EscapeDataString(back)}" : page;
}
