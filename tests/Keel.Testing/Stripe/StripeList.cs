using System.Text.Json.Nodes;

namespace Keel.Testing.Stripe;

/// <summary>Stripe's list envelope, <c>{"object":"list","data":[...],"has_more":...,"url":...}</c>.</summary>
static class StripeList
{
    /// <summary>Pages with Stripe's <c>limit</c> (default 10, 1 to 100) and <c>starting_after</c>.</summary>
    public static JsonObject Of(IEnumerable<JsonObject> newestFirst, string url, StripeForm form)
    {
        var limit = form.Long("limit") ?? 10;
        if (limit is < 1 or > 100)
        {
            throw StripeApiException.InvalidRequest("This value must be greater than or equal to 1 and less than or equal to 100.", "limit");
        }

        var items = newestFirst.ToList();
        if (form.Text("starting_after") is { } after)
        {
            items = items.SkipWhile(item => item["id"]!.GetValue<string>() != after).Skip(1).ToList();
        }

        return new JsonObject
        {
            ["object"] = "list",
            ["data"] = new JsonArray(items.Take((int)limit).Select(item => (JsonNode)item.DeepClone()).ToArray()),
            ["has_more"] = items.Count > limit,
            ["url"] = url,
        };
    }
}
