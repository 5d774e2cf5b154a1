using System.Text.Json;
using Keel.Platform.Data;
using Microsoft.EntityFrameworkCore;
using Stripe;

namespace Keel.Platform.Billing;

/// <summary>
/// What each Stripe event means for Keel. Events arrive duplicated and out of order, so no handler trusts the
/// event's copy of an object for state: it fetches the subscription (or invoice) as Stripe has it now and makes the
/// local row match. Whatever order events are applied in, the result is Stripe's current state.
/// </summary>
internal sealed class StripeEventHandler(KeelDbContext db, StripeClient stripe, SubscriptionSync sync, BillingNotices notices, Referrals referrals,
    TimeProvider time)
{
    public async Task HandleAsync(StripeEventRecord record, CancellationToken ct)
    {
        using var json = JsonDocument.Parse(record.Payload);
        var data = json.RootElement.GetProperty("data").GetProperty("object");
        switch (record.Type)
        {
            case "checkout.session.completed":
                await CheckoutCompletedAsync(data, ct);
                break;
            case "customer.subscription.created" or "customer.subscription.updated" or "customer.subscription.deleted":
                await sync.SyncAsync(String(data, "id")!, ct);
                break;
            case "customer.subscription.trial_will_end":
                if (await sync.SyncAsync(String(data, "id")!, ct) is { } trialing) await notices.TrialEndingAsync(trialing, ct);
                break;
            case "invoice.paid":
                await InvoicePaidAsync(data, ct);
                break;
            case "invoice.payment_failed":
                await PaymentFailedAsync(data, ct);
                break;
            // Any other type is stored and acknowledged: Stripe sends what the endpoint subscribed to, and new types appear.
        }
    }

    private async Task CheckoutCompletedAsync(JsonElement session, CancellationToken ct)
    {
        var customerId = String(session, "customer");
        var owner = Owner(session);
        if (customerId is not null && owner is not null && !await db.BillingCustomers.AnyAsync(c => c.Owner == owner, ct))
            db.BillingCustomers.Add(new BillingCustomer { Owner = owner, StripeCustomerId = customerId, CreatedAt = time.GetUtcNow() });
        if (String(session, "subscription") is { } subscriptionId) await sync.SyncAsync(subscriptionId, ct);
    }

    private async Task InvoicePaidAsync(JsonElement invoice, CancellationToken ct)
    {
        if (SubscriptionOf(invoice) is not { } subscriptionId) return;
        var subscription = await sync.SyncAsync(subscriptionId, ct);
        if (subscription is null || !invoice.TryGetProperty("amount_paid", out var paid) || paid.GetInt64() <= 0) return;
        await notices.PaymentReceivedAsync(subscription, paid.GetInt64(), String(invoice, "currency") ?? "eur", ct);
        // The first real payment (not a trial's zero invoice) is what makes a referral count.
        var remote = await stripe.V1.Subscriptions.GetAsync(subscriptionId, cancellationToken: ct);
        if (remote.Metadata?.TryGetValue("account_id", out var account) == true && Guid.TryParse(account, out var referredAccountId))
            await referrals.CreditAsync(subscription, referredAccountId, ct);
    }

    private async Task PaymentFailedAsync(JsonElement invoice, CancellationToken ct)
    {
        if (SubscriptionOf(invoice) is not { } subscriptionId) return;
        var subscription = await sync.SyncAsync(subscriptionId, ct);
        // A late-arriving failure for an invoice that has since been paid is history, not news.
        var current = await stripe.V1.Invoices.GetAsync(String(invoice, "id"), cancellationToken: ct);
        if (subscription is not null && current.Status != "paid") await notices.PaymentFailedAsync(subscription, ct);
    }

    private static string? SubscriptionOf(JsonElement invoice)
    {
        if (invoice.TryGetProperty("parent", out var parent) && parent.ValueKind == JsonValueKind.Object
            && parent.TryGetProperty("subscription_details", out var details) && details.ValueKind == JsonValueKind.Object
            && String(details, "subscription") is { } fromParent)
            return fromParent;
        return String(invoice, "subscription");
    }

    internal static string? Owner(JsonElement withMetadata)
    {
        if (!withMetadata.TryGetProperty("metadata", out var metadata) || metadata.ValueKind != JsonValueKind.Object) return null;
        if (String(metadata, "organization_id") is { } org && Guid.TryParse(org, out var orgId)) return Subscription.OrganizationOwner(orgId);
        if (String(metadata, "account_id") is { } account && Guid.TryParse(account, out var accountId)) return Subscription.AccountOwner(accountId);
        return null;
    }

    private static string? String(JsonElement element, string property) =>
        element.TryGetProperty(property, out var value) ? value.ValueKind switch
        {
            JsonValueKind.String => value.GetString(),
            JsonValueKind.Object when value.TryGetProperty("id", out var id) => id.GetString(),
            _ => null,
        } : null;
}
