using Keel.Platform.Data;
using Keel.Platform.Email;
using Keel.Platform.Email.Templates;
using Microsoft.Extensions.Options;

namespace Keel.Platform.Billing;

/// <summary>The billing emails: payment received, payment failed, trial ending. They go to the account, or to an
/// organization's owners, and are queued in the same transaction as the event that caused them (once per event).</summary>
internal sealed class BillingNotices(KeelDbContext db, Mailer mailer, PlanCatalog plans, IOptions<KeelOptions> options)
{
    public async Task PaymentReceivedAsync(Subscription subscription, long amountMinor, string currency, CancellationToken ct)
    {
        var content = BillingEmail.PaymentReceived(ProductName(subscription), amountMinor, currency, options.Value.PublicUrl);
        foreach (var to in await RecipientsAsync(subscription, ct)) mailer.Queue(to, content);
    }

    public async Task PaymentFailedAsync(Subscription subscription, CancellationToken ct)
    {
        var content = BillingEmail.PaymentFailed(ProductName(subscription), options.Value.PublicUrl);
        foreach (var to in await RecipientsAsync(subscription, ct)) mailer.Queue(to, content);
    }

    public async Task TrialEndingAsync(Subscription subscription, CancellationToken ct)
    {
        var content = BillingEmail.TrialEnding(ProductName(subscription), subscription.TrialEndsAt, options.Value.PublicUrl);
        foreach (var to in await RecipientsAsync(subscription, ct)) mailer.Queue(to, content);
    }

    private string ProductName(Subscription subscription) => plans.Find(subscription.PlanId)?.Name is { } plan
        ? $"{char.ToUpperInvariant(subscription.Product[0])}{subscription.Product[1..]} {plan}"
        : subscription.Product;

    private Task<List<string>> RecipientsAsync(Subscription subscription, CancellationToken ct) => OwnerEmails.ForAsync(db, subscription.Owner, ct);
}
