namespace Keel.Testing.Stripe;

/// <summary>The subscription a checkout session creates when it completes.</summary>
/// <param name="TrialDays"><c>subscription_data[trial_period_days]</c>, counted from completion.</param>
/// <param name="TrialEnd"><c>subscription_data[trial_end]</c>, a unix time.</param>
sealed record CheckoutPlan(
    string PriceId, long Quantity, long? TrialDays, long? TrialEnd, IReadOnlyDictionary<string, string>? SubscriptionMetadata)
{
    public long? TrialEndFrom(long now) => TrialEnd ?? (TrialDays is { } days ? now + days * 86_400 : null);
}
