using System.Text.Json.Nodes;

namespace Keel.Testing.Stripe;

/// <summary><c>/v1/prices</c>; prices are created by tests through <see cref="FakeStripe.AddPrice"/>.</summary>
static class PricesApi
{
    public static IEnumerable<StripeRoute> Routes =>
    [
        new("GET", "/v1/prices", List),
        new("GET", "/v1/prices/{id}", call => call.Account.Get("price", call.Id).DeepClone().AsObject()),
    ];

    static JsonObject List(StripeCall call)
    {
        var lookupKeys = call.Form.Strings("lookup_keys");
        var active = call.Form.Bool("active");
        var currency = call.Form.Text("currency");
        var prices = call.Account.All("price").Where(price =>
            (lookupKeys.Count == 0 || lookupKeys.Contains(price["lookup_key"]?.GetValue<string>() ?? ""))
            && (active is null || price["active"]!.GetValue<bool>() == active)
            && (currency is null || price["currency"]!.GetValue<string>() == currency));
        return StripeList.Of(prices, "/v1/prices", call.Form);
    }
}
