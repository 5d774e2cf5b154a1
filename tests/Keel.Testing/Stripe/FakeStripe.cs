using System.Net;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Keel.Testing.Stripe;

/// <summary>
/// A Stripe-compatible API server on 127.0.0.1 for tests: point Stripe.net at it with
/// <c>new StripeClient(fake.ApiKey, apiBase: fake.BaseUrl)</c>. It speaks Stripe's wire protocol (form-encoded
/// parameters, Bearer API key, Idempotency-Key replay, <c>expand[]</c>, Stripe's object and error JSON) for
/// customers, balance transactions, prices, checkout and billing portal sessions, subscriptions, invoices and events.
/// What happens in Stripe's own pages and backends (a customer paying at checkout, a trial ending, a card declining)
/// is simulated by the control methods, which return the webhook events Stripe would send; <see cref="DeliverAsync(StripeEvent, Uri, string, CancellationToken)"/>
/// posts them signed like Stripe does.
/// </summary>
public sealed class FakeStripe : IAsyncDisposable
{
    /// <summary>The API version events carry unless <see cref="ApiVersion"/> is changed: the one Stripe.net 53.1 pins.</summary>
    public const string DefaultApiVersion = "2026-10-28.endive";

    static readonly HttpClient Webhooks = new();

    readonly StripeAccount account;
    readonly TimeProvider time;
    WebApplication? app;

    FakeStripe(string apiKey, TimeProvider time)
    {
        ApiKey = apiKey;
        this.time = time;
        account = new StripeAccount(time);
    }

    /// <summary>Where the API listens, e.g. <c>http://127.0.0.1:41234</c>; pass it as Stripe.net's <c>apiBase</c>.</summary>
    public string BaseUrl { get; private set; } = "";

    /// <summary>The only secret key the API accepts.</summary>
    public string ApiKey { get; }

    /// <summary>The <c>api_version</c> written into events from now on.</summary>
    public string ApiVersion
    {
        get => Locked(() => account.ApiVersion);
        set => Locked(() => account.ApiVersion = value);
    }

    /// <summary>Customers, oldest first, as the API returns them.</summary>
    public IReadOnlyList<JsonObject> Customers => Snapshot("customer");

    public IReadOnlyList<JsonObject> Subscriptions => Snapshot("subscription");

    public IReadOnlyList<JsonObject> CheckoutSessions => Snapshot("checkout.session");

    public IReadOnlyList<JsonObject> BalanceTransactions => Snapshot("customer_balance_transaction");

    public IReadOnlyList<JsonObject> Invoices => Snapshot("invoice");

    /// <summary>Every event so far, oldest first: those returned by control methods and those API calls caused.</summary>
    public IReadOnlyList<StripeEvent> Events => Locked(() => account.Events);

    /// <summary>Every API request answered so far, oldest first.</summary>
    public IReadOnlyList<StripeRequest> Requests => Locked(() => account.Requests.ToArray());

    /// <summary>Starts the server on a free port on 127.0.0.1.</summary>
    /// <param name="apiKey">The secret key clients must send.</param>
    /// <param name="time">The clock for <c>created</c>, trial and period timestamps and for signing deliveries.</param>
    public static async Task<FakeStripe> StartAsync(string apiKey = "sk_test_keel", TimeProvider? time = null)
    {
        var stripe = new FakeStripe(apiKey, time ?? TimeProvider.System);
        var builder = WebApplication.CreateSlimBuilder(new WebApplicationOptions { ContentRootPath = AppContext.BaseDirectory });
        builder.Logging.ClearProviders();
        builder.WebHost.UseKestrel(kestrel => kestrel.Listen(IPAddress.Loopback, 0));
        var app = builder.Build();
        HostedPages.Map(app, stripe);
        app.Map("/{**path}", (HttpContext http) => StripeApi.HandleAsync(http, stripe, stripe.account));
        await app.StartAsync();
        stripe.app = app;
        stripe.BaseUrl = app.Services.GetRequiredService<IServer>().Features.GetRequiredFeature<IServerAddressesFeature>()
            .Addresses.Single().TrimEnd('/');
        return stripe;
    }

    /// <summary>
    /// Creates an active recurring price, as done once in Stripe's dashboard. Returns its <c>price_...</c> id.
    /// </summary>
    /// <param name="unitAmount">In minor units: 900 is €9.00.</param>
    /// <param name="interval"><c>day</c>, <c>week</c>, <c>month</c> or <c>year</c>.</param>
    public string AddPrice(string lookupKey, long unitAmount, string currency = "eur", string interval = "month") =>
        Locked(() => account.CreatePrice(lookupKey, unitAmount, currency, interval)["id"]!.GetValue<string>());

    /// <summary>Creates a customer as the dashboard would (a <c>customer.created</c> event is recorded); returns its id.</summary>
    public string AddCustomer(string? email, string? name = null, IReadOnlyDictionary<string, string>? metadata = null) =>
        Locked(() =>
        {
            var customer = account.CreateCustomer(email, name, metadata);
            account.Emit("customer.created", customer);
            return customer["id"]!.GetValue<string>();
        });

    /// <summary>A copy of the object with that id, or null.</summary>
    internal JsonObject? Find(string id) => Locked(() => account.Find(id)?.DeepClone().AsObject());

    /// <summary>A copy of any object by id (<c>cus_</c>, <c>sub_</c>, <c>in_</c>, <c>cs_test_</c>, <c>evt_</c> ...).</summary>
    /// <exception cref="KeyNotFoundException">No object has that id.</exception>
    public JsonObject Get(string id) =>
        Find(id) ?? throw new KeyNotFoundException($"The fake Stripe has no object '{id}'.");

    /// <summary>
    /// The customer pays at the hosted checkout page: creates the customer unless the session named one, creates
    /// the subscription (<c>trialing</c> when the session asked for trial days, otherwise <c>active</c>) with its
    /// first invoice paid, and completes the session. Events: <c>customer.created</c> (for a new customer),
    /// <c>customer.subscription.created</c>, <c>invoice.paid</c>, <c>checkout.session.completed</c>.
    /// </summary>
    /// <param name="email">The email typed at checkout; defaults to the session's <c>customer_email</c>.</param>
    /// <returns>The completed session and the events.</returns>
    /// <exception cref="InvalidOperationException">The session is not open, or has no customer and no email.</exception>
    public StripeChange CompleteCheckout(string sessionId, string? email = null, string? name = null) =>
        Locked(() =>
        {
            var session = account.Find(sessionId) is { } found && found["object"]!.GetValue<string>() == "checkout.session"
                ? found
                : throw new KeyNotFoundException($"The fake Stripe has no checkout session '{sessionId}'.");
            if (session["status"]!.GetValue<string>() != "open")
            {
                throw new InvalidOperationException($"Checkout session {sessionId} is {session["status"]}, not open.");
            }

            var events = new List<StripeEvent>();
            var plan = account.CheckoutPlans[sessionId];
            JsonObject customer;
            if (session["customer"]?.GetValue<string>() is { } customerId)
            {
                customer = account.Get("customer", customerId);
            }
            else
            {
                var typed = session["customer_email"]?.GetValue<string>() ?? email
                    ?? throw new InvalidOperationException($"Checkout session {sessionId} has no customer_email: pass the email the customer types.");
                customer = account.CreateCustomer(typed, name, null);
                events.Add(account.Emit("customer.created", customer));
            }

            var subscription = account.CreateSubscription(
                customer, account.Get("price", plan.PriceId), plan.Quantity, plan.TrialEndFrom(account.Now), plan.SubscriptionMetadata);
            var invoice = account.CreateInvoice(subscription, "subscription_create", paymentSucceeds: true);
            events.Add(account.Emit("customer.subscription.created", subscription));
            events.Add(account.Emit("invoice.paid", invoice));

            session["status"] = "complete";
            session["payment_status"] = subscription["status"]!.GetValue<string>() == "trialing" ? "no_payment_required" : "paid";
            session["customer"] = customer["id"]!.DeepClone();
            session["subscription"] = subscription["id"]!.DeepClone();
            session["customer_details"] = new JsonObject
            {
                ["address"] = null,
                ["email"] = customer["email"]?.DeepClone(),
                ["name"] = customer["name"]?.DeepClone(),
                ["phone"] = null,
                ["tax_exempt"] = "none",
                ["tax_ids"] = new JsonArray(),
            };
            events.Add(account.Emit("checkout.session.completed", session));
            return new StripeChange(session.DeepClone().AsObject(), events);
        });

    /// <summary>
    /// Moves a subscription the way Stripe's billing does over time:
    /// <list type="bullet">
    /// <item><c>active</c>: the trial ends or the period renews (a new period and a paid invoice, the customer's
    /// credit balance applied first), or a past-due invoice is paid on retry.</item>
    /// <item><c>past_due</c>: the renewal payment fails (an open invoice, <c>invoice.payment_failed</c>); from
    /// <c>past_due</c>, another retry of that invoice fails.</item>
    /// <item><c>canceled</c>: the subscription ends now (<c>customer.subscription.deleted</c>).</item>
    /// <item>any other status (<c>unpaid</c>, <c>paused</c> ...): only the status changes.</item>
    /// </list>
    /// A status change also sends <c>customer.subscription.updated</c> with <c>previous_attributes</c>.
    /// </summary>
    /// <exception cref="InvalidOperationException">The subscription is already canceled.</exception>
    public StripeChange AdvanceSubscription(string subscriptionId, string status) =>
        Locked(() =>
        {
            var subscription = Subscription(subscriptionId);
            var from = subscription["status"]!.GetValue<string>();
            if (from == "canceled")
            {
                throw new InvalidOperationException($"Subscription {subscriptionId} is canceled; Stripe never revives a canceled subscription.");
            }

            var events = new List<StripeEvent>();
            if (status == "canceled")
            {
                account.Cancel(subscription, from is "past_due" or "unpaid" ? "payment_failed" : "cancellation_requested");
                events.Add(account.Emit("customer.subscription.deleted", subscription));
                return new StripeChange(subscription.DeepClone().AsObject(), events);
            }

            var retry = from is "past_due" or "unpaid" && status == "active";
            if (!retry && status is "active" or "past_due" && subscription["cancel_at_period_end"]!.GetValue<bool>())
            {
                throw new InvalidOperationException(
                    $"Subscription {subscriptionId} cancels at period end, so Stripe would end it rather than renew: advance it to 'canceled'.");
            }

            var previous = new JsonObject { ["status"] = from };
            JsonObject? invoice = null;
            if (retry)
            {
                invoice = account.Get("invoice", subscription["latest_invoice"]!.GetValue<string>());
                Pay(invoice);
            }
            else if (from == "past_due" && status == "past_due")
            {
                // Another automatic retry of the same invoice fails.
                invoice = account.Get("invoice", subscription["latest_invoice"]!.GetValue<string>());
                invoice["attempt_count"] = invoice["attempt_count"]!.GetValue<int>() + 1;
                invoice["next_payment_attempt"] = account.Now + 3 * 86_400;
            }
            else if (status is "active" or "past_due")
            {
                previous["current_period_start"] = subscription["current_period_start"]!.DeepClone();
                previous["current_period_end"] = subscription["current_period_end"]!.DeepClone();
                previous["latest_invoice"] = subscription["latest_invoice"]?.DeepClone();
                subscription["status"] = status;
                account.StartPeriod(subscription);
                invoice = account.CreateInvoice(subscription, "subscription_cycle", paymentSucceeds: status == "active");
                if (invoice["status"]!.GetValue<string>() == "paid")
                {
                    // Credit covered the whole invoice, so nothing could fail.
                    status = "active";
                }
            }

            subscription["status"] = status;
            if (from != status || previous.Count > 1)
            {
                if (from == status)
                {
                    previous.Remove("status");
                }

                events.Add(account.Emit("customer.subscription.updated", subscription, previous));
            }

            if (invoice is not null)
            {
                var paid = invoice["status"]!.GetValue<string>() == "paid";
                events.Add(account.Emit(paid ? "invoice.paid" : "invoice.payment_failed", invoice));
            }

            return new StripeChange(subscription.DeepClone().AsObject(), events);
        });

    /// <summary>
    /// The customer cancels in the billing portal: the subscription stays as it is until its period ends
    /// (<c>cancel_at_period_end</c>), and <c>customer.subscription.updated</c> is sent.
    /// </summary>
    public StripeChange CancelAtPeriodEnd(string subscriptionId) =>
        Locked(() =>
        {
            var subscription = Subscription(subscriptionId);
            if (subscription["cancel_at_period_end"]!.GetValue<bool>() || subscription["status"]!.GetValue<string>() == "canceled")
            {
                return new StripeChange(subscription.DeepClone().AsObject(), []);
            }

            var previous = account.SetCancelAtPeriodEnd(subscription, true);
            var updated = account.Emit("customer.subscription.updated", subscription, previous);
            return new StripeChange(subscription.DeepClone().AsObject(), [updated]);
        });

    /// <summary>Stripe's notice three days before a trial ends: <c>customer.subscription.trial_will_end</c>.</summary>
    public StripeChange TrialWillEnd(string subscriptionId) =>
        Locked(() =>
        {
            var subscription = Subscription(subscriptionId);
            if (subscription["status"]!.GetValue<string>() != "trialing")
            {
                throw new InvalidOperationException($"Subscription {subscriptionId} is {subscription["status"]}, not trialing.");
            }

            var notice = account.Emit("customer.subscription.trial_will_end", subscription);
            return new StripeChange(subscription.DeepClone().AsObject(), [notice]);
        });

    /// <summary>
    /// Posts the event's JSON to a webhook endpoint with a <c>Stripe-Signature</c> made with <paramref name="webhookSecret"/>
    /// at the fake's current time. Returns the endpoint's status code.
    /// </summary>
    public Task<HttpStatusCode> DeliverAsync(
        StripeEvent stripeEvent, Uri endpoint, string webhookSecret, CancellationToken cancellationToken = default) =>
        DeliverAsync(stripeEvent, Webhooks, endpoint.ToString(), webhookSecret, cancellationToken);

    /// <summary>
    /// Like <see cref="DeliverAsync(StripeEvent, Uri, string, CancellationToken)"/> through a given client, e.g. one
    /// from <c>WebApplicationFactory.CreateClient()</c> with a relative <paramref name="requestUri"/>.
    /// </summary>
    public async Task<HttpStatusCode> DeliverAsync(
        StripeEvent stripeEvent, HttpClient client, string requestUri, string webhookSecret, CancellationToken cancellationToken = default)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, requestUri)
        {
            Content = new StringContent(stripeEvent.Json, Encoding.UTF8, "application/json"),
        };
        request.Headers.UserAgent.ParseAdd("Stripe/1.0 (+https://stripe.com/docs/webhooks)");
        request.Headers.Add("Stripe-Signature", Sign(stripeEvent.Json, webhookSecret, time.GetUtcNow()));
        using var response = await client.SendAsync(request, cancellationToken);
        return response.StatusCode;
    }

    /// <summary>
    /// A <c>Stripe-Signature</c> header value, <c>t={unix seconds},v1={hex HMAC-SHA256 of "{t}.{payload}"}</c> keyed
    /// with the whole secret (<c>whsec_...</c>) as UTF-8, exactly as Stripe signs webhook deliveries.
    /// </summary>
    public static string Sign(string payload, string secret, DateTimeOffset timestamp)
    {
        var t = timestamp.ToUnixTimeSeconds();
        var mac = HMACSHA256.HashData(Encoding.UTF8.GetBytes(secret), Encoding.UTF8.GetBytes($"{t}.{payload}"));
        return $"t={t},v1={Convert.ToHexStringLower(mac)}";
    }

    public async ValueTask DisposeAsync()
    {
        if (app is not null)
        {
            await app.StopAsync();
            await app.DisposeAsync();
            app = null;
        }
    }

    void Pay(JsonObject invoice)
    {
        var now = account.Now;
        invoice["status"] = "paid";
        invoice["amount_paid"] = invoice["amount_due"]!.DeepClone();
        invoice["amount_remaining"] = 0L;
        invoice["attempt_count"] = invoice["attempt_count"]!.GetValue<int>() + 1;
        invoice["auto_advance"] = false;
        invoice["next_payment_attempt"] = null;
        invoice["status_transitions"]!["paid_at"] = now;
    }

    JsonObject Subscription(string id) =>
        account.Find(id) is { } found && found["object"]!.GetValue<string>() == "subscription"
            ? found
            : throw new KeyNotFoundException($"The fake Stripe has no subscription '{id}'.");

    IReadOnlyList<JsonObject> Snapshot(string type) =>
        Locked(() => account.All(type).Reverse().Select(found => found.DeepClone().AsObject()).ToArray());

    T Locked<T>(Func<T> read)
    {
        lock (account.Gate)
        {
            return read();
        }
    }
}
