namespace Keel.Server;

/// <summary>Headers every response carries: no MIME sniffing, no framing by other sites, no referrer leaking
/// tokens from email links. The web front end's pages get a stricter content security policy (no script at all).</summary>
internal static class SecurityHeaders
{
    public static Task ApplyAsync(HttpContext context, Func<Task> next)
    {
        var headers = context.Response.Headers;
        headers.XContentTypeOptions = "nosniff";
        headers.XFrameOptions = "DENY";
        headers.ContentSecurityPolicy = Keel.Platform.Web.WebPage.Is(context)
            ? Keel.Platform.Web.WebPage.ContentSecurityPolicy
            : "frame-ancestors 'none'";
        headers["Referrer-Policy"] = "no-referrer";
        return next();
    }
}
