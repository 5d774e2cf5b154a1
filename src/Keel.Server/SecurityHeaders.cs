namespace Keel.Server;

/// <summary>Headers every response carries: no MIME sniffing, no framing by other sites, no referrer leaking
/// tokens from email links.</summary>
internal static class SecurityHeaders
{
    public static Task ApplyAsync(HttpContext context, Func<Task> next)
    {
        var headers = context.Response.Headers;
        headers.XContentTypeOptions = "nosniff";
        headers.XFrameOptions = "DENY";
        headers.ContentSecurityPolicy = "frame-ancestors 'none'";
        headers["Referrer-Policy"] = "no-referrer";
        return next();
    }
}
