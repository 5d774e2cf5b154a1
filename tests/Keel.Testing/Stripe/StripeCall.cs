using System.Text.Json.Nodes;

namespace Keel.Testing.Stripe;

/// <summary>What a route handler gets: the account, the decoded parameters and the request's identity.</summary>
sealed record StripeCall(
    FakeStripe Stripe,
    StripeAccount Account,
    StripeForm Form,
    IReadOnlyDictionary<string, string> Route,
    string RequestId,
    string? IdempotencyKey)
{
    public string Id => Route["id"];

    /// <summary>Records an event caused by this API request, as Stripe does (<c>request.id</c> set).</summary>
    public StripeEvent Emit(string type, JsonObject subject, JsonObject? previousAttributes = null) =>
        Account.Emit(type, subject, previousAttributes, RequestId, IdempotencyKey);
}
