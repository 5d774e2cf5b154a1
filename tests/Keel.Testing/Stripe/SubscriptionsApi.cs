using System.Text.Json.Nodes;

namespace Keel.Testing.Stripe;

/// <summary><c>/v1/subscriptions</c>, <c>/v1/invoices</c> and <c>/v1/events</c>.</summary>
static class SubscriptionsApi
{
    public static IEnumerable<StripeRoute> Routes =>
    [
        new("GET", "/v1/subscriptions", List),
        new("GET", "/v1/subscriptions/{id}", call => Subscription(call).DeepClone().AsObject()),
        new("POST", "/v1/subscriptions/{id}", Update),
        new("DELETE", "/v1/subscriptions/{id}", Cancel),
        new("GET", "/v1/invoices", ListInvoices),
        new("GET", "/v1/invoices/{id}", call => call.Account.Get("invoice", call.Id).DeepClone().AsObject()),
        new("GET", "/v1/events", ListEvents),
        new("GET", "/v1/events/{id}", call => call.Account.Get("event", call.Id).DeepClone().AsObject()),
    ];

    static JsonObject Subscription(StripeCall call) => call.Account.Get("subscription", call.Id);

    /// <summary>Like Stripe, leaves out canceled subscriptions unless <c>status=canceled</c> or <c>status=all</c>.</summary>
    static JsonObject List(StripeCall call)
    {
        var customer = call.Form.Text("customer");
        var price = call.Form.Text("price");
        var status = call.Form.Text("status");
        var subscriptions = call.Account.All("subscription").Where(subscription =>
        {
            var current = subscription["status"]!.GetValue<string>();
            return (customer is null || subscription["customer"]!.GetValue<string>() == customer)
                && (price is null || StripeAccount.Item(subscription)["price"]!["id"]!.GetValue<string>() == price)
                && (status == "all" || (status is null ? current is not ("canceled" or "incomplete_expired") : current == status));
        });
        return StripeList.Of(subscriptions, "/v1/subscriptions", call.Form);
    }

    static JsonObject Update(StripeCall call)
    {
        var subscription = Subscription(call);
        if (subscription["status"]!.GetValue<string>() == "canceled" && call.Form.Has("cancel_at_period_end"))
        {
            throw StripeApiException.InvalidRequest(
                "A canceled subscription can only update its cancellation_details and metadata.", "cancel_at_period_end");
        }

        var previous = new JsonObject();
        if (call.Form.Bool("cancel_at_period_end") is { } cancelAtPeriodEnd
            && cancelAtPeriodEnd != subscription["cancel_at_period_end"]!.GetValue<bool>())
        {
            foreach (var (field, value) in call.Account.SetCancelAtPeriodEnd(subscription, cancelAtPeriodEnd).ToArray())
            {
                previous[field] = value?.DeepClone();
            }
        }

        if (call.Form.Text("items", "0", "price") is { } priceId)
        {
            ChangePrice(call, subscription, priceId, previous);
        }

        if (call.Form.Map("metadata") is { } metadata)
        {
            previous["metadata"] = subscription["metadata"]!.DeepClone();
            StripeAccount.MergeMetadata(subscription, metadata);
        }

        if (previous.Count > 0)
        {
            call.Emit("customer.subscription.updated", subscription, previous);
        }

        return subscription.DeepClone().AsObject();
    }

    /// <summary>
    /// Swaps the price of the subscription's one item (<c>items[0][id]</c> + <c>items[0][price]</c>), as a plan
    /// change does; prorations are not modelled.
    /// </summary>
    static void ChangePrice(StripeCall call, JsonObject subscription, string priceId, JsonObject previous)
    {
        var item = StripeAccount.Item(subscription);
        if (call.Form.Text("items", "0", "id") != item["id"]!.GetValue<string>())
        {
            throw StripeApiException.InvalidRequest(
                $"The fake Stripe keeps one item per subscription: pass items[0][id]={item["id"]} to change its price.", "items[0][id]");
        }

        var price = call.Account.Get("price", priceId, "items[0][price]");
        previous["items"] = subscription["items"]!.DeepClone();
        item["price"] = price.DeepClone();
        if (call.Form.Long("items", "0", "quantity") is { } quantity)
        {
            item["quantity"] = quantity;
        }
    }

    static JsonObject Cancel(StripeCall call)
    {
        var subscription = Subscription(call);
        if (subscription["status"]!.GetValue<string>() == "canceled")
        {
            throw StripeApiException.NoSuchObject("subscription", call.Id);
        }

        call.Account.Cancel(subscription, "cancellation_requested");
        call.Emit("customer.subscription.deleted", subscription);
        return subscription.DeepClone().AsObject();
    }

    static JsonObject ListInvoices(StripeCall call)
    {
        var customer = call.Form.Text("customer");
        var subscription = call.Form.Text("subscription");
        var status = call.Form.Text("status");
        var invoices = call.Account.All("invoice").Where(invoice =>
            (customer is null || invoice["customer"]!.GetValue<string>() == customer)
            && (subscription is null || invoice["subscription"]!.GetValue<string>() == subscription)
            && (status is null || invoice["status"]!.GetValue<string>() == status));
        return StripeList.Of(invoices, "/v1/invoices", call.Form);
    }

    static JsonObject ListEvents(StripeCall call)
    {
        var type = call.Form.Text("type");
        var events = call.Account.All("event").Where(e => type is null || e["type"]!.GetValue<string>() == type);
        return StripeList.Of(events, "/v1/events", call.Form);
    }
}
