using Keel.Platform.Web;

namespace Keel.Server;

/// <summary>Landing-page words of the products that have no server module yet; a module brings its own
/// (see <c>GigzillaLanding</c> and <c>FixCiLanding</c>).</summary>
internal static class ProductLandings
{
    public static IServiceCollection AddUpcomingProductLandings(this IServiceCollection services) => services
        .AddProductLanding(new ProductLanding("studio", "Studio",
            "Drop a video in a folder; it comes out edited, titled and posted to Instagram, YouTube and TikTok.",
            [
                new("Watch a folder", "The desktop client picks up new videos and processes them with FFmpeg."),
                new("Titles and captions written for you", "AI titles, captions and hashtags within your plan's quota."),
                new("Post everywhere at once", "Instagram, YouTube and TikTok, with analytics back in one place."),
            ]))
        .AddProductLanding(new ProductLanding("market", "Market",
            "Ready-made business packages: buy one and it is deployed into your own Cloudflare account.",
            [
                new("For buyers", "Pay once through Stripe; the package is deployed to your account."),
                new("For sellers", "List for free; the platform keeps 15% of each sale, paid out after 3 days."),
            ]));
}
