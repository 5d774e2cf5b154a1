using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Metadata;

namespace Keel.Platform.Web;

/// <summary>Endpoint metadata marking a browser page of the web front end: it gets the pages' content security policy,
/// and an anonymous visitor is sent to sign in rather than answered 401. It also turns off <c>UseStatusCodePages</c>: a
/// page's refusals are HTML for people, never the API's ProblemDetails.</summary>
public sealed class WebPage : ISkipStatusCodePagesMetadata
{
    public static readonly WebPage Instance = new();

    /// <summary>Only what the pages use: our own stylesheet, inline SVG charts, forms posting to ourselves (and
    /// redirecting on to Stripe's Checkout and portal over HTTPS). No scripts at all.</summary>
    public const string ContentSecurityPolicy =
        "default-src 'none'; style-src 'self'; img-src 'self' data:; form-action 'self' https:; base-uri 'none'; frame-ancestors 'none'";

    public static bool Is(HttpContext context) => context.GetEndpoint()?.Metadata.GetMetadata<WebPage>() is not null;
}
