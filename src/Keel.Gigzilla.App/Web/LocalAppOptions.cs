namespace Keel.Gigzilla.App.Web;

/// <summary>How to run the local web app.</summary>
/// <param name="DataDirectory">The folder of the local store.</param>
/// <param name="Clock">Time for the store, license checks and the automation timer.</param>
/// <param name="ApiUrl">The license server's Gigzilla base, e.g. <c>https://api.gigzilla.app/gigzilla</c>.</param>
/// <param name="CheckoutUrl">Where "Buy" and "Upgrade" send the user.</param>
internal sealed record LocalAppOptions(string DataDirectory, TimeProvider Clock, Uri ApiUrl, Uri CheckoutUrl)
{
    public const string DefaultApiUrl = "https://api.gigzilla.app/gigzilla";
    public const string DefaultCheckoutUrl = "https://gigzilla.app/#pricing";

    /// <summary>The options from <c>GIGZILLA_API_URL</c> and <c>GIGZILLA_CHECKOUT_URL</c>, else the public service.</summary>
    public static LocalAppOptions From(string dataDirectory, TimeProvider clock, Func<string, string?> variable) =>
        new(
            dataDirectory,
            clock,
            new Uri((variable("GIGZILLA_API_URL") is { Length: > 0 } api ? api : DefaultApiUrl).TrimEnd('/')),
            new Uri(variable("GIGZILLA_CHECKOUT_URL") is { Length: > 0 } checkout ? checkout : DefaultCheckoutUrl));
}
