using Keel.Platform.Accounts;
using Keel.Platform.Data;
using Keel.Platform.Licensing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Stripe;

namespace Keel.Platform.Billing;

/// <summary>
/// A completed Checkout session as proof of ownership: the app that sent the customer to Checkout gets the session
/// id back on the success redirect, and nobody else has it. Seed 000's <c>/verify</c> accepts it. The subscription is
/// synchronised on the spot, so the answer does not depend on the webhook having arrived first.
/// </summary>
public sealed class CheckoutProof(KeelDbContext db, IServiceProvider services)
{
    public async Task<License?> LicenseForAsync(string sessionId, string email, string product, CancellationToken ct)
    {
        if (services.GetService<StripeClient>() is not { } stripe || sessionId.Length > 255 || !sessionId.StartsWith("cs_", StringComparison.Ordinal)) return null;
        Stripe.Checkout.Session session;
        try
        {
            session = await stripe.V1.Checkout.Sessions.GetAsync(sessionId, cancellationToken: ct);
        }
        catch (StripeException e) when (e.HttpStatusCode == System.Net.HttpStatusCode.NotFound)
        {
            return null;
        }
        var sessionEmail = session.CustomerDetails?.Email ?? session.CustomerEmail;
        if (session.Status != "complete" || sessionEmail is null || EmailAddress.Normalize(sessionEmail) != EmailAddress.Normalize(email)) return null;
        if (session.Metadata?.TryGetValue("product", out var sold) == true && sold != product) return null;
        if (session.SubscriptionId is { } subscriptionId) await services.GetRequiredService<SubscriptionSync>().SyncAsync(subscriptionId, ct);
        if (session.Metadata?.TryGetValue("account_id", out var account) != true || !Guid.TryParse(account, out var accountId)) return null;
        return await db.Licenses.FirstOrDefaultAsync(l => l.AccountId == accountId && l.Product == product, ct);
    }
}
