using System.Security.Cryptography;
using System.Text;
using Microsoft.AspNetCore.Http;

namespace Keel.Gigzilla.App.Web;

/// <summary>
/// Keeps the local app to the user who launched it. Kestrel listens on loopback only; on top of that every request
/// must name this app in its Host header (DNS rebinding points a foreign name at 127.0.0.1), carry the session
/// cookie obtained with the per-launch secret of the opened URL (other local users and other sites do not know it),
/// and a state-changing request must come from this origin (CSRF; the SameSite=Strict cookie is the second lock).
/// </summary>
internal sealed class LaunchGuard
{
    public const string CookieName = "gigzilla_session";
    public const string LaunchPath = "/launch";

    private readonly byte[] launchSecret;
    private readonly byte[] sessionToken;

    public LaunchGuard()
    {
        Secret = Base64Url(RandomNumberGenerator.GetBytes(32));
        Session = Base64Url(RandomNumberGenerator.GetBytes(32));
        launchSecret = Encoding.ASCII.GetBytes(Secret);
        sessionToken = Encoding.ASCII.GetBytes(Session);
    }

    /// <summary>The secret in the URL the app opens; exchanged once for the cookie and then dropped from the URL.</summary>
    public string Secret { get; }

    private string Session { get; }

    /// <summary>The port Kestrel got; requests naming another are refused.</summary>
    public int Port { get; set; }

    public async Task InvokeAsync(HttpContext http, RequestDelegate next)
    {
        var request = http.Request;
        var host = request.Host;
        if (Port == 0 || host.Port != Port || host.Host is not ("127.0.0.1" or "localhost"))
        {
            await Refuse(http, StatusCodes.Status421MisdirectedRequest, "This address does not belong to Gigzilla.");
            return;
        }

        if (request.Path == LaunchPath && HttpMethods.IsGet(request.Method))
        {
            if (!Matches(request.Query["k"].ToString(), launchSecret))
            {
                await Refuse(http, StatusCodes.Status403Forbidden, "This launch link is not valid. Open Gigzilla again from the link it printed.");
                return;
            }

            http.Response.Cookies.Append(CookieName, Session, new CookieOptions
            {
                HttpOnly = true,
                SameSite = SameSiteMode.Strict,
                Path = "/",
                IsEssential = true,
            });
            http.Response.Headers.CacheControl = "no-store";
            http.Response.Redirect("/");
            return;
        }

        if (!Matches(request.Cookies[CookieName], sessionToken))
        {
            await Refuse(http, StatusCodes.Status401Unauthorized, "Open Gigzilla from the link it printed when it started.");
            return;
        }

        if (!HttpMethods.IsGet(request.Method) && !HttpMethods.IsHead(request.Method) && !SameOrigin(request))
        {
            await Refuse(http, StatusCodes.Status403Forbidden, "Refused: this request did not come from Gigzilla's own pages.");
            return;
        }

        http.Response.Headers.XFrameOptions = "DENY";
        http.Response.Headers.XContentTypeOptions = "nosniff";
        http.Response.Headers["Referrer-Policy"] = "same-origin";
        http.Response.Headers.ContentSecurityPolicy = "default-src 'self'; img-src 'self' data:; style-src 'self'; script-src 'self'; frame-ancestors 'none'; form-action 'self'";
        await next(http);
    }

    /// <summary>
    /// Browsers mark every request with Sec-Fetch-Site, which a page cannot forge; older ones send Origin on every
    /// POST. A request with neither (a script outside the browser) is refused.
    /// </summary>
    private static bool SameOrigin(HttpRequest request)
    {
        var site = request.Headers["Sec-Fetch-Site"].ToString();
        if (site.Length > 0)
        {
            return site == "same-origin";
        }

        return string.Equals(request.Headers.Origin.ToString(), $"http://{request.Host}", StringComparison.OrdinalIgnoreCase);
    }

    private static bool Matches(string? presented, byte[] expected) =>
        presented is { Length: > 0 } && CryptographicOperations.FixedTimeEquals(Encoding.ASCII.GetBytes(presented), expected);

    private static Task Refuse(HttpContext http, int status, string message)
    {
        http.Response.StatusCode = status;
        http.Response.ContentType = "text/plain; charset=utf-8";
        return http.Response.WriteAsync(message);
    }

    private static string Base64Url(byte[] bytes) => Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');
}
