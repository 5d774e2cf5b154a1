using Microsoft.AspNetCore.Http;

namespace Keel.Platform.Web;

/// <summary>Seed 000's <c>?ref=CODE</c>: remembered in a cookie for 30 days and carried into Checkout's metadata.</summary>
internal static class Referral
{
    public const string CookieName = "keel_ref";

    public static string? Remembered(HttpContext http) =>
        http.Request.Cookies.TryGetValue(CookieName, out var code) && IsWellFormed(code) ? code : null;

    public static void Remember(HttpContext http, string code) =>
        http.Response.Cookies.Append(CookieName, code.ToUpperInvariant(), new CookieOptions
        {
            HttpOnly = true,
            SameSite = SameSiteMode.Lax,
            Secure = http.Request.IsHttps,
            MaxAge = TimeSpan.FromDays(30),
            Path = "/",
            IsEssential = true,
        });

    public static bool IsWellFormed(string? code) => code is { Length: > 0 and <= 32 } && code.All(char.IsAsciiLetterOrDigit);
}
