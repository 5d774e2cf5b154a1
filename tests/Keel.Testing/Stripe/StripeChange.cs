using System.Text.Json.Nodes;

namespace Keel.Testing.Stripe;

/// <summary>What a simulated action in Stripe produced: the object it changed and the events Stripe would send.</summary>
/// <param name="Object">The changed object (a checkout session, a subscription) as the API returns it now.</param>
/// <param name="Events">The events, in the order Stripe emits them; also kept in <see cref="FakeStripe.Events"/>.</param>
public sealed record StripeChange(JsonObject Object, IReadOnlyList<StripeEvent> Events)
{
    public string Id => Object["id"]!.GetValue<string>();

    /// <summary>The single event of <paramref name="type"/>.</summary>
    public StripeEvent Event(string type) => Events.Single(e => e.Type == type);
}
