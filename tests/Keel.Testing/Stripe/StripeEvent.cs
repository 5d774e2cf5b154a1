using System.Text.Json.Nodes;

namespace Keel.Testing.Stripe;

/// <summary>An event as Stripe would send it to a webhook endpoint.</summary>
/// <param name="Id">The <c>evt_...</c> id.</param>
/// <param name="Type">For example <c>customer.subscription.updated</c>.</param>
/// <param name="Json">The exact body a delivery posts and signs.</param>
public sealed record StripeEvent(string Id, string Type, string Json)
{
    /// <summary>A fresh copy of <c>data.object</c>: the object as it was when the event happened.</summary>
    public JsonObject DataObject => JsonNode.Parse(Json)!["data"]!["object"]!.AsObject();
}
