using System.Net;

namespace Keel.Platform.Email.Templates;

internal static class UsageEmail
{
    public static EmailContent Warning(string product, string feature, long used, long limit, string publicUrl)
    {
        var what = feature.Replace('_', ' ');
        return new EmailContent("usage-warning", $"You have used {used} of {limit} {what}",
            $"""
            Your {product} plan includes {limit} {what}; {used} are used this month.

            When the limit is reached, new requests are refused until next month. Upgrade to keep going: {publicUrl}
            """,
            EmailLayout.Html("80% of your plan is used",
                $"Your {WebUtility.HtmlEncode(product)} plan includes {limit} {WebUtility.HtmlEncode(what)}; {used} are used this month. When the limit is reached, new requests are refused until next month.",
                "Upgrade", publicUrl));
    }
}
