using System.Security.Cryptography;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Keel.Testing.Stripe;

/// <summary>
/// The objects of one Stripe test-mode account, kept as the JSON the API returns. Not thread-safe: the API and the
/// control methods of <see cref="FakeStripe"/> hold <see cref="Gate"/> around every use.
/// </summary>
sealed class StripeAccount(TimeProvider time)
{
    static readonly JsonSerializerOptions EventJson = new() { WriteIndented = true };

    readonly Dictionary<string, JsonObject> objects = [];
    readonly Dictionary<string, List<string>> idsByType = [];
    readonly List<StripeEvent> events = [];

    public Lock Gate { get; } = new();

    public string ApiVersion { get; set; } = FakeStripe.DefaultApiVersion;

    public long Now => time.GetUtcNow().ToUnixTimeSeconds();

    public IReadOnlyList<StripeEvent> Events => events.ToArray();

    /// <summary>Every API request answered so far, oldest first.</summary>
    public List<StripeRequest> Requests { get; } = [];

    /// <summary>Stored answers by Idempotency-Key, with the request they answered.</summary>
    public Dictionary<string, IdempotentAnswer> IdempotentAnswers { get; } = [];

    /// <summary>What each checkout session will subscribe to; Stripe keeps this out of the session object.</summary>
    public Dictionary<string, CheckoutPlan> CheckoutPlans { get; } = [];

    public static string NewId(string prefix)
    {
        const string alphabet = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz";
        return prefix + RandomNumberGenerator.GetString(alphabet, 24);
    }

    public JsonObject Add(JsonObject stored)
    {
        var id = stored["id"]!.GetValue<string>();
        var type = stored["object"]!.GetValue<string>();
        objects.Add(id, stored);
        if (!idsByType.TryGetValue(type, out var ids))
        {
            ids = [];
            idsByType.Add(type, ids);
        }

        ids.Add(id);
        return stored;
    }

    /// <summary>The stored object itself (not a copy) of the given <c>object</c> type.</summary>
    public JsonObject Get(string type, string id, string param = "id") =>
        objects.TryGetValue(id, out var found) && found["object"]!.GetValue<string>() == type
            ? found
            : throw StripeApiException.NoSuchObject(type, id, param);

    public JsonObject? Find(string id) => objects.GetValueOrDefault(id);

    /// <summary>Every stored object of a type, newest first as Stripe lists them.</summary>
    public IEnumerable<JsonObject> All(string type) =>
        idsByType.TryGetValue(type, out var ids) ? Enumerable.Reverse(ids).Select(id => objects[id]) : [];

    public StripeEvent Emit(
        string type, JsonObject subject, JsonObject? previousAttributes = null, string? requestId = null, string? idempotencyKey = null)
    {
        var data = new JsonObject { ["object"] = subject.DeepClone() };
        if (previousAttributes is not null)
        {
            data["previous_attributes"] = previousAttributes;
        }

        var id = NewId("evt_");
        var json = new JsonObject
        {
            ["id"] = id,
            ["object"] = "event",
            ["api_version"] = ApiVersion,
            ["created"] = Now,
            ["data"] = data,
            ["livemode"] = false,
            ["pending_webhooks"] = 1,
            ["request"] = new JsonObject { ["id"] = requestId, ["idempotency_key"] = idempotencyKey },
            ["type"] = type,
        };
        var stripeEvent = new StripeEvent(id, type, json.ToJsonString(EventJson));
        Add(json);
        events.Add(stripeEvent);
        return stripeEvent;
    }

    public JsonObject CreateCustomer(string? email, string? name, IReadOnlyDictionary<string, string>? metadata) =>
        Add(new JsonObject
        {
            ["id"] = NewId("cus_"),
            ["object"] = "customer",
            ["address"] = null,
            ["balance"] = 0L,
            ["created"] = Now,
            ["currency"] = null,
            ["default_source"] = null,
            ["delinquent"] = false,
            ["description"] = null,
            ["email"] = email,
            ["invoice_prefix"] = RandomNumberGenerator.GetHexString(8),
            ["livemode"] = false,
            ["metadata"] = Metadata(metadata),
            ["name"] = name,
            ["phone"] = null,
            ["preferred_locales"] = new JsonArray(),
            ["tax_exempt"] = "none",
        });

    public JsonObject CreatePrice(string lookupKey, long unitAmount, string currency, string interval) =>
        Add(new JsonObject
        {
            ["id"] = NewId("price_"),
            ["object"] = "price",
            ["active"] = true,
            ["billing_scheme"] = "per_unit",
            ["created"] = Now,
            ["currency"] = currency,
            ["livemode"] = false,
            ["lookup_key"] = lookupKey,
            ["metadata"] = new JsonObject(),
            ["nickname"] = null,
            ["product"] = NewId("prod_"),
            ["recurring"] = new JsonObject
            {
                ["interval"] = interval,
                ["interval_count"] = 1,
                ["meter"] = null,
                ["trial_period_days"] = null,
                ["usage_type"] = "licensed",
            },
            ["tax_behavior"] = "unspecified",
            ["type"] = "recurring",
            ["unit_amount"] = unitAmount,
            ["unit_amount_decimal"] = unitAmount.ToString(),
        });

    /// <summary>
    /// Adds to the customer's balance (negative = credit) and records the transaction, as
    /// <c>POST /v1/customers/{id}/balance_transactions</c> and invoice finalization do.
    /// </summary>
    public JsonObject AddBalanceTransaction(
        JsonObject customer, long amount, string currency, string type, string? description,
        IReadOnlyDictionary<string, string>? metadata, string? invoiceId = null)
    {
        var balance = customer["balance"]!.GetValue<long>() + amount;
        customer["balance"] = balance;
        customer["currency"] ??= currency;
        return Add(new JsonObject
        {
            ["id"] = NewId("cbtxn_"),
            ["object"] = "customer_balance_transaction",
            ["amount"] = amount,
            ["created"] = Now,
            ["credit_note"] = null,
            ["currency"] = currency,
            ["customer"] = customer["id"]!.GetValue<string>(),
            ["description"] = description,
            ["ending_balance"] = balance,
            ["invoice"] = invoiceId,
            ["livemode"] = false,
            ["metadata"] = Metadata(metadata),
            ["type"] = type,
        });
    }

    public JsonObject CreateSubscription(
        JsonObject customer, JsonObject price, long quantity, long? trialEnd, IReadOnlyDictionary<string, string>? metadata)
    {
        var id = NewId("sub_");
        var now = Now;
        var periodEnd = trialEnd ?? PeriodEnd(price, now);
        var item = new JsonObject
        {
            ["id"] = NewId("si_"),
            ["object"] = "subscription_item",
            ["created"] = now,
            ["current_period_end"] = periodEnd,
            ["current_period_start"] = now,
            ["metadata"] = new JsonObject(),
            ["price"] = price.DeepClone(),
            ["quantity"] = quantity,
            ["subscription"] = id,
        };
        return Add(new JsonObject
        {
            ["id"] = id,
            ["object"] = "subscription",
            ["billing_cycle_anchor"] = periodEnd,
            ["cancel_at"] = null,
            ["cancel_at_period_end"] = false,
            ["canceled_at"] = null,
            ["cancellation_details"] = new JsonObject { ["comment"] = null, ["feedback"] = null, ["reason"] = null },
            ["collection_method"] = "charge_automatically",
            ["created"] = now,
            ["currency"] = price["currency"]!.DeepClone(),
            // Stripe moved the period onto the items (API 2025-03-31); older readers look at the top level.
            ["current_period_end"] = periodEnd,
            ["current_period_start"] = now,
            ["customer"] = customer["id"]!.GetValue<string>(),
            ["days_until_due"] = null,
            ["default_payment_method"] = null,
            ["description"] = null,
            ["ended_at"] = null,
            ["items"] = new JsonObject
            {
                ["object"] = "list",
                ["data"] = new JsonArray(item),
                ["has_more"] = false,
                ["total_count"] = 1,
                ["url"] = $"/v1/subscription_items?subscription={id}",
            },
            ["latest_invoice"] = null,
            ["livemode"] = false,
            ["metadata"] = Metadata(metadata),
            ["start_date"] = now,
            ["status"] = trialEnd is null ? "active" : "trialing",
            ["trial_end"] = trialEnd,
            ["trial_start"] = trialEnd is null ? null : now,
        });
    }

    /// <summary>Ends the subscription now, as <c>DELETE /v1/subscriptions/{id}</c> or Stripe giving up on payment does.</summary>
    public void Cancel(JsonObject subscription, string reason)
    {
        var now = Now;
        subscription["status"] = "canceled";
        subscription["canceled_at"] = now;
        subscription["ended_at"] = now;
        subscription["cancellation_details"]!["reason"] = reason;
    }

    /// <summary>Schedules (or unschedules) the end of the subscription at its period end; returns the previous attributes.</summary>
    public JsonObject SetCancelAtPeriodEnd(JsonObject subscription, bool cancelAtPeriodEnd)
    {
        var previous = new JsonObject
        {
            ["cancel_at"] = subscription["cancel_at"]?.DeepClone(),
            ["cancel_at_period_end"] = subscription["cancel_at_period_end"]!.DeepClone(),
            ["canceled_at"] = subscription["canceled_at"]?.DeepClone(),
        };
        subscription["cancel_at_period_end"] = cancelAtPeriodEnd;
        subscription["cancel_at"] = cancelAtPeriodEnd ? Item(subscription)["current_period_end"]!.DeepClone() : null;
        subscription["canceled_at"] = cancelAtPeriodEnd ? Now : null;
        subscription["cancellation_details"]!["reason"] = cancelAtPeriodEnd ? "cancellation_requested" : null;
        return previous;
    }

    /// <summary>Starts a new billing period on the subscription (and its item) from now.</summary>
    public void StartPeriod(JsonObject subscription)
    {
        var item = Item(subscription);
        var start = Now;
        var end = PeriodEnd(item["price"]!.AsObject(), start);
        foreach (var holder in new[] { subscription, item })
        {
            holder["current_period_start"] = start;
            holder["current_period_end"] = end;
        }
    }

    /// <summary>
    /// Finalizes an invoice for the subscription's current period, applying the customer's balance first as Stripe
    /// does, and marks it paid or failed. An invoice with nothing left to pay is paid whatever <paramref name="paymentSucceeds"/> says.
    /// </summary>
    public JsonObject CreateInvoice(JsonObject subscription, string billingReason, bool paymentSucceeds)
    {
        var item = Item(subscription);
        var price = item["price"]!.AsObject();
        var currency = price["currency"]!.GetValue<string>();
        var customer = Get("customer", subscription["customer"]!.GetValue<string>());
        var total = subscription["status"]!.GetValue<string>() == "trialing"
            ? 0
            : price["unit_amount"]!.GetValue<long>() * item["quantity"]!.GetValue<long>();
        var id = NewId("in_");
        var startingBalance = customer["balance"]!.GetValue<long>();
        var applied = startingBalance < 0 ? Math.Max(startingBalance, -total) : startingBalance;
        if (applied != 0)
        {
            AddBalanceTransaction(customer, -applied, currency, "applied_to_invoice", null, null, id);
        }

        var amountDue = total + applied;
        var paid = paymentSucceeds || amountDue == 0;
        var now = Now;
        var periodStart = item["current_period_start"]!.GetValue<long>();
        var periodEnd = item["current_period_end"]!.GetValue<long>();
        var subscriptionId = subscription["id"]!.GetValue<string>();
        var invoice = Add(new JsonObject
        {
            ["id"] = id,
            ["object"] = "invoice",
            ["amount_due"] = amountDue,
            ["amount_paid"] = paid ? amountDue : 0,
            ["amount_remaining"] = paid ? 0 : amountDue,
            ["attempt_count"] = amountDue == 0 ? 0 : 1,
            ["attempted"] = true,
            ["auto_advance"] = !paid,
            ["billing_reason"] = billingReason,
            ["collection_method"] = "charge_automatically",
            ["created"] = now,
            ["currency"] = currency,
            ["customer"] = customer["id"]!.GetValue<string>(),
            ["customer_email"] = customer["email"]?.DeepClone(),
            ["customer_name"] = customer["name"]?.DeepClone(),
            ["ending_balance"] = startingBalance - applied,
            ["hosted_invoice_url"] = null,
            ["lines"] = new JsonObject
            {
                ["object"] = "list",
                ["data"] = new JsonArray(new JsonObject
                {
                    ["id"] = NewId("il_"),
                    ["object"] = "line_item",
                    ["amount"] = total,
                    ["currency"] = currency,
                    ["description"] = $"{item["quantity"]} × {price["lookup_key"]}",
                    ["period"] = new JsonObject { ["end"] = periodEnd, ["start"] = periodStart },
                    ["pricing"] = new JsonObject
                    {
                        ["type"] = "price_details",
                        ["price_details"] = new JsonObject { ["price"] = price["id"]!.DeepClone(), ["product"] = price["product"]!.DeepClone() },
                    },
                    ["quantity"] = item["quantity"]!.DeepClone(),
                }),
                ["has_more"] = false,
                ["url"] = $"/v1/invoices/{id}/lines",
            },
            ["livemode"] = false,
            ["metadata"] = new JsonObject(),
            ["next_payment_attempt"] = paid ? null : now + 3 * 86_400,
            ["number"] = $"{customer["invoice_prefix"]}-{All("invoice").Count() + 1:0000}",
            ["parent"] = new JsonObject
            {
                ["quote_details"] = null,
                ["subscription_details"] = new JsonObject
                {
                    ["metadata"] = subscription["metadata"]!.DeepClone(),
                    ["subscription"] = subscriptionId,
                },
                ["type"] = "subscription_details",
            },
            ["period_end"] = periodEnd,
            ["period_start"] = periodStart,
            ["starting_balance"] = startingBalance,
            ["status"] = paid ? "paid" : "open",
            ["status_transitions"] = new JsonObject
            {
                ["finalized_at"] = now,
                ["paid_at"] = paid ? now : null,
            },
            // Before API 2025-03-31 the subscription id sat at the top level; kept for readers of either shape.
            ["subscription"] = subscriptionId,
            ["subtotal"] = total,
            ["total"] = total,
        });
        subscription["latest_invoice"] = id;
        return invoice;
    }

    /// <summary>A copy of <paramref name="source"/> with each <c>expand[]</c> path's ids replaced by their objects.</summary>
    public JsonObject Expand(JsonObject source, IEnumerable<string> paths)
    {
        var copy = source.DeepClone().AsObject();
        foreach (var path in paths)
        {
            Expand(copy, path.Split('.'));
        }

        return copy;
    }

    void Expand(JsonObject target, ReadOnlySpan<string> path)
    {
        if (path.IsEmpty)
        {
            return;
        }

        if (path[0] == "data" && target["data"] is JsonArray list)
        {
            foreach (var entry in list.OfType<JsonObject>())
            {
                Expand(entry, path[1..]);
            }

            return;
        }

        var field = path[0];
        if (target[field] is JsonValue value && value.TryGetValue<string>(out var id) && Find(id) is { } found)
        {
            target[field] = found.DeepClone();
        }

        if (target[field] is JsonObject child)
        {
            Expand(child, path[1..]);
        }
    }

    public static JsonObject Item(JsonObject subscription) => subscription["items"]!["data"]![0]!.AsObject();

    /// <summary>Stripe merges metadata keys and deletes those sent empty; <c>metadata=""</c> arrives as an empty map and clears all.</summary>
    public static void MergeMetadata(JsonObject target, IReadOnlyDictionary<string, string> metadata)
    {
        var existing = target["metadata"]!.AsObject();
        if (metadata.Count == 0)
        {
            existing.Clear();
        }

        foreach (var (key, value) in metadata)
        {
            if (value == "")
            {
                existing.Remove(key);
            }
            else
            {
                existing[key] = value;
            }
        }
    }

    public static JsonObject Metadata(IReadOnlyDictionary<string, string>? metadata) =>
        new(metadata?.Select(entry => KeyValuePair.Create(entry.Key, (JsonNode?)entry.Value)) ?? []);

    static long PeriodEnd(JsonObject price, long start)
    {
        var from = DateTimeOffset.FromUnixTimeSeconds(start);
        var end = price["recurring"]?["interval"]?.GetValue<string>() switch
        {
            "day" => from.AddDays(1),
            "week" => from.AddDays(7),
            "year" => from.AddYears(1),
            _ => from.AddMonths(1),
        };
        return end.ToUnixTimeSeconds();
    }
}
