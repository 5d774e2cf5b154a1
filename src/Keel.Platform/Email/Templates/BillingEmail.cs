using System.Globalization;
using System.Net;

namespace Keel.Platform.Email.Templates;

internal static class BillingEmail
{
    public static EmailContent PaymentReceived(string product, long amountMinor, string currency, string publicUrl)
    {
        var amount = $"{currency.ToUpperInvariant()} {(amountMinor / 100m).ToString("N2", CultureInfo.InvariantCulture)}";
        return new EmailContent("payment-received", $"Payment received: {amount}",
            $"""
            Thank you: we received {amount} for {product}.

            Your invoices are in the billing portal: {publicUrl}
            """,
            EmailLayout.Html("Payment received", $"Thank you: we received <strong>{WebUtility.HtmlEncode(amount)}</strong> for {WebUtility.HtmlEncode(product)}.",
                "View invoices", publicUrl));
    }

    public static EmailContent PaymentFailed(string product, string publicUrl) => new("payment-failed", $"Your payment for {product} failed",
        $"""
        We could not charge your card for {product}. Stripe will try again over the next days.

        Update your payment method to keep access: {publicUrl}
        """,
        EmailLayout.Html("Payment failed", $"We could not charge your card for {WebUtility.HtmlEncode(product)}. Stripe will try again over the next days; update your payment method to keep access.",
            "Update payment method", publicUrl));

    public static EmailContent TrialEnding(string product, DateTimeOffset? endsAt, string publicUrl)
    {
        var when = endsAt is { } e ? e.ToString("MMMM d", CultureInfo.InvariantCulture) : "in three days";
        return new EmailContent("trial-ending", $"Your {product} trial ends {(endsAt is null ? "soon" : "on " + when)}",
            $"""
            Your {product} trial ends {(endsAt is null ? when : "on " + when)}. Your subscription then starts automatically.

            To change your plan or cancel: {publicUrl}
            """,
            EmailLayout.Html("Your trial ends soon", $"Your {WebUtility.HtmlEncode(product)} trial ends {(endsAt is null ? when : "on " + WebUtility.HtmlEncode(when))}. Your subscription then starts automatically.",
                "Manage subscription", publicUrl));
    }
}
