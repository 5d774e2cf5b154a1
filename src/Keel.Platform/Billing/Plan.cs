namespace Keel.Platform.Billing;

/// <summary>One way to buy a product: a tier at a price per interval, with the limits it grants.</summary>
public sealed record Plan
{
    /// <summary>Stable id, e.g. <c>gigzilla-pro-monthly</c>; stored on subscriptions.</summary>
    public required string Id { get; init; }
    /// <summary>Set from the product the plan is listed under in the catalog file.</summary>
    public string Product { get; init; } = "";
    /// <summary>free, pro, business, enterprise...: what clients show and gate features on.</summary>
    public required string Tier { get; init; }
    public required string Name { get; init; }
    /// <summary>monthly, annual, lifetime, or none (free plans and card-less trials).</summary>
    public required string Interval { get; init; }
    /// <summary>Price in major units (9.00 = EUR 9).</summary>
    public decimal Price { get; init; }
    public string Currency { get; init; } = "EUR";
    /// <summary>The Stripe price's lookup key; plans without one cannot be bought through Checkout.</summary>
    public string? StripeLookupKey { get; init; }
    /// <summary>Or a fixed Stripe price id, when the self-hoster prefers ids to lookup keys.</summary>
    public string? StripePriceId { get; init; }
    public int TrialDays { get; init; }
    /// <summary>The plan a card-less trial starts on (seed 001's start-trial).</summary>
    public bool TrialWithoutCard { get; init; }
    /// <summary>Named limits (devices, uploads_per_month, platforms, analyses_per_month...); -1 means unlimited.</summary>
    public IReadOnlyDictionary<string, long> Limits { get; init; } = new Dictionary<string, long>();

    public const long Unlimited = -1;

    public long? Limit(string name) => Limits.TryGetValue(name, out var value) ? value : null;

    /// <summary>Plans with a <c>devices</c> limit are sold as licenses activated per machine.</summary>
    public bool IsLicensedPerDevice => Limit("devices") is not null;

    public int MaxDevices => Limit("devices") is { } devices and >= 0 ? (int)Math.Min(devices, int.MaxValue) : int.MaxValue;

    /// <summary>Monthly recurring revenue of one subscription to this plan, in major units.</summary>
    public decimal MonthlyRevenue => Interval switch
    {
        "monthly" => Price,
        "annual" => Math.Round(Price / 12, 2),
        _ => 0,
    };
}
