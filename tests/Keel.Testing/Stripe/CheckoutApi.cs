using System.Text.Json.Nodes;

namespace Keel.Testing.Stripe;

/// <summary><c>/v1/checkout/sessions</c> in subscription mode and <c>/v1/billing_portal/sessions</c>.</summary>
static class CheckoutApi
{
    public static IEnumerable<StripeRoute> Routes =>
    [
        new("POST", "/v1/checkout/sessions", Create),
        new("GET", "/v1/checkout/sessions", List),
        new("GET", "/v1/checkout/sessions/{id}", call => call.Account.Get("checkout.session", call.Id).DeepClone().AsObject()),
        new("GET", "/v1/checkout/sessions/{id}/line_items", LineItems),
        new("POST", "/v1/checkout/sessions/{id}/expire", Expire),
        new("POST", "/v1/billing_portal/sessions", CreatePortalSession),
    ];

    static JsonObject Create(StripeCall call)
    {
        var form = call.Form;
        var mode = form.Required("mode");
        if (mode != "subscription")
        {
            throw StripeApiException.InvalidRequest(
                $"The fake Stripe supports only mode=subscription, not '{mode}'.", "mode");
        }

        var lineItems = form.List("line_items");
        if (lineItems.Count != 1)
        {
            throw lineItems.Count == 0
                ? StripeApiException.MissingParameter("line_items")
                : StripeApiException.InvalidRequest("The fake Stripe supports exactly one line item.", "line_items");
        }

        var priceId = form.Text("line_items", "0", "price") ?? throw StripeApiException.MissingParameter("line_items[0][price]");
        var price = call.Account.Get("price", priceId, "line_items[0][price]");
        var quantity = form.Long("line_items", "0", "quantity") ?? 1;
        var customerId = form.Text("customer");
        var customerEmail = form.Text("customer_email");
        if (customerId is not null && customerEmail is not null)
        {
            throw StripeApiException.InvalidRequest("You may only specify one of these parameters: customer, customer_email.", "customer_email");
        }

        if (customerId is not null)
        {
            call.Account.Get("customer", customerId, "customer");
        }

        var trialDays = form.Long("subscription_data", "trial_period_days");
        if (trialDays is < 1 or > 730)
        {
            throw StripeApiException.InvalidRequest(
                "The trial period must be between 1 and 730 days.", "subscription_data[trial_period_days]");
        }

        var now = call.Account.Now;
        var trialEnd = form.Long("subscription_data", "trial_end");
        if (trialEnd is not null && trialDays is not null)
        {
            throw StripeApiException.InvalidRequest(
                "You may only specify one of these parameters: subscription_data[trial_end], subscription_data[trial_period_days].",
                "subscription_data[trial_end]");
        }

        if (trialEnd <= now + 2 * 86_400)
        {
            throw StripeApiException.InvalidRequest(
                "subscription_data[trial_end] must be at least 48 hours in the future.", "subscription_data[trial_end]");
        }

        var id = StripeAccount.NewId("cs_test_");
        var amount = price["unit_amount"]!.GetValue<long>() * quantity;
        var session = call.Account.Add(new JsonObject
        {
            ["id"] = id,
            ["object"] = "checkout.session",
            ["allow_promotion_codes"] = form.Bool("allow_promotion_codes"),
            ["amount_subtotal"] = amount,
            ["amount_total"] = amount,
            ["cancel_url"] = form.Text("cancel_url"),
            ["client_reference_id"] = form.Text("client_reference_id"),
            ["created"] = now,
            ["currency"] = price["currency"]!.DeepClone(),
            ["customer"] = customerId,
            ["customer_creation"] = customerId is null ? "always" : null,
            ["customer_details"] = null,
            ["customer_email"] = customerEmail,
            ["expires_at"] = now + 86_400,
            ["invoice"] = null,
            ["livemode"] = false,
            ["locale"] = form.Text("locale"),
            ["metadata"] = StripeAccount.Metadata(form.Map("metadata")),
            ["mode"] = mode,
            ["payment_status"] = "unpaid",
            ["status"] = "open",
            ["subscription"] = null,
            ["success_url"] = form.Text("success_url"),
            ["ui_mode"] = "hosted",
            ["url"] = $"{call.Stripe.BaseUrl}/checkout/{id}",
        });
        call.Account.CheckoutPlans[id] = new CheckoutPlan(priceId, quantity, trialDays, trialEnd, form.Map("subscription_data", "metadata"));
        return session.DeepClone().AsObject();
    }

    static JsonObject List(StripeCall call)
    {
        var customer = call.Form.Text("customer");
        var subscription = call.Form.Text("subscription");
        var sessions = call.Account.All("checkout.session").Where(session =>
            (customer is null || session["customer"]?.GetValue<string>() == customer)
            && (subscription is null || session["subscription"]?.GetValue<string>() == subscription));
        return StripeList.Of(sessions, "/v1/checkout/sessions", call.Form);
    }

    static JsonObject LineItems(StripeCall call)
    {
        var session = call.Account.Get("checkout.session", call.Id);
        var plan = call.Account.CheckoutPlans[call.Id];
        var price = call.Account.Get("price", plan.PriceId);
        var item = new JsonObject
        {
            ["id"] = "li_" + call.Id[8..],
            ["object"] = "item",
            ["amount_discount"] = 0,
            ["amount_subtotal"] = session["amount_subtotal"]!.DeepClone(),
            ["amount_tax"] = 0,
            ["amount_total"] = session["amount_total"]!.DeepClone(),
            ["currency"] = session["currency"]!.DeepClone(),
            ["description"] = price["lookup_key"]?.DeepClone(),
            ["price"] = price.DeepClone(),
            ["quantity"] = plan.Quantity,
        };
        return StripeList.Of([item], $"/v1/checkout/sessions/{call.Id}/line_items", call.Form);
    }

    static JsonObject Expire(StripeCall call)
    {
        var session = call.Account.Get("checkout.session", call.Id);
        if (session["status"]!.GetValue<string>() != "open")
        {
            throw StripeApiException.InvalidRequest(
                $"Only Checkout Sessions with a status in [\"open\"] can be expired. This Checkout Session has a status of \"{session["status"]}\".");
        }

        session["status"] = "expired";
        call.Emit("checkout.session.expired", session);
        return session.DeepClone().AsObject();
    }

    static JsonObject CreatePortalSession(StripeCall call)
    {
        var customer = call.Form.Required("customer");
        call.Account.Get("customer", customer, "customer");
        var id = StripeAccount.NewId("bps_");
        return call.Account.Add(new JsonObject
        {
            ["id"] = id,
            ["object"] = "billing_portal.session",
            ["configuration"] = "bpc_" + id[4..],
            ["created"] = call.Account.Now,
            ["customer"] = customer,
            ["flow"] = null,
            ["livemode"] = false,
            ["locale"] = call.Form.Text("locale"),
            ["on_behalf_of"] = null,
            ["return_url"] = call.Form.Text("return_url"),
            ["url"] = $"{call.Stripe.BaseUrl}/p/session/{id}",
        }).DeepClone().AsObject();
    }
}
