using System.Text.Json;
using System.Text.Json.Serialization;
using Microsoft.Extensions.Options;

namespace Keel.Platform.Billing;

/// <summary>
/// The plans of every product, read once from <c>plans.json</c> (shipped next to the server; a self-hoster points
/// <c>Keel:Billing:PlansFile</c> at their own copy). A malformed catalog stops the server at start with a message
/// naming the problem, rather than failing a customer's checkout later.
/// </summary>
public sealed class PlanCatalog
{
    private readonly Dictionary<string, Plan> _byId;

    public PlanCatalog(IEnumerable<Plan> plans)
    {
        var list = plans.ToList();
        var duplicate = list.GroupBy(p => p.Id).FirstOrDefault(g => g.Count() > 1);
        if (duplicate is not null) throw new InvalidOperationException($"The plan catalog lists '{duplicate.Key}' twice.");
        foreach (var plan in list)
        {
            if (plan.Price < 0) throw new InvalidOperationException($"Plan '{plan.Id}' has a negative price.");
            if (plan.Currency.Length != 3) throw new InvalidOperationException($"Plan '{plan.Id}' needs an ISO 4217 currency code.");
            if (plan.Interval is not ("monthly" or "annual" or "lifetime" or "none"))
                throw new InvalidOperationException($"Plan '{plan.Id}' has interval '{plan.Interval}'; use monthly, annual, lifetime or none.");
        }
        Plans = list;
        _byId = list.ToDictionary(p => p.Id);
    }

    public IReadOnlyList<Plan> Plans { get; }

    public IEnumerable<string> Products => Plans.Select(p => p.Product).Distinct();

    public Plan? Find(string id) => _byId.GetValueOrDefault(id);

    public IEnumerable<Plan> ForProduct(string product) => Plans.Where(p => p.Product == product);

    public Plan? TrialPlan(string product) => ForProduct(product).FirstOrDefault(p => p.TrialWithoutCard);

    public Plan? ByStripePrice(string? lookupKey, string? priceId) =>
        Plans.FirstOrDefault(p => (lookupKey is not null && p.StripeLookupKey == lookupKey) || (priceId is not null && p.StripePriceId == priceId));

    private sealed record CatalogFile(Dictionary<string, ProductEntry> Products);

    private sealed record ProductEntry(string Name, List<Plan> Plans);

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        ReadCommentHandling = JsonCommentHandling.Skip,
        AllowTrailingCommas = true,
        UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow,
    };

    public static PlanCatalog Load(string path)
    {
        if (!File.Exists(path)) throw new InvalidOperationException($"The plan catalog '{path}' does not exist (Keel:Billing:PlansFile).");
        CatalogFile file;
        try
        {
            file = JsonSerializer.Deserialize<CatalogFile>(File.ReadAllText(path), Json)
                ?? throw new InvalidOperationException($"The plan catalog '{path}' is empty.");
        }
        catch (JsonException e)
        {
            throw new InvalidOperationException($"The plan catalog '{path}' is not valid: {e.Message}", e);
        }
        return new PlanCatalog(file.Products.SelectMany(product => product.Value.Plans.Select(plan => plan with { Product = product.Key })));
    }

    /// <summary>A configured path is relative to the working directory; the default is the copy shipped with the server.</summary>
    internal static PlanCatalog FromOptions(IOptions<KeelOptions> options) =>
        Load(options.Value.Billing.PlansFile is { Length: > 0 } configured
            ? Path.GetFullPath(configured)
            : Path.Combine(AppContext.BaseDirectory, "plans.json"));
}
