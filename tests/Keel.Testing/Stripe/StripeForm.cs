using System.Text.Json.Nodes;
using Microsoft.AspNetCore.WebUtilities;

namespace Keel.Testing.Stripe;

/// <summary>
/// Stripe's form encoding read into a tree: <c>line_items[0][price]=p</c> becomes
/// <c>{"line_items":{"0":{"price":"p"}}}</c>. Lists stay objects keyed by index (<c>expand[]</c> is numbered in
/// arrival order), because Stripe clients send both <c>a[]</c> and <c>a[0]</c>.
/// </summary>
sealed class StripeForm(JsonObject root)
{
    public static StripeForm Parse(string query, string body)
    {
        var root = new JsonObject();
        foreach (var source in new[] { query, body })
        {
            foreach (var (key, values) in QueryHelpers.ParseQuery(source))
            {
                foreach (var value in values)
                {
                    Add(root, key, value ?? "");
                }
            }
        }

        return new StripeForm(root);
    }

    public bool Has(string key) => root.ContainsKey(key);

    public string? Text(params string[] path) => Find(path) is JsonValue value ? value.GetValue<string>() : null;

    public string Required(string key) =>
        Text(key) is { Length: > 0 } value ? value : throw StripeApiException.MissingParameter(key);

    public long? Long(params string[] path)
    {
        var text = Text(path);
        if (text is null)
        {
            return null;
        }

        return long.TryParse(text, out var number)
            ? number
            : throw StripeApiException.InvalidRequest($"Invalid integer: {text}", Name(path));
    }

    public bool? Bool(params string[] path) =>
        Text(path) switch
        {
            null => null,
            "true" => true,
            "false" => false,
            var other => throw StripeApiException.InvalidRequest($"Invalid boolean: {other}", Name(path)),
        };

    /// <summary>The entries of a list parameter, in index order.</summary>
    public IReadOnlyList<JsonNode> List(params string[] path) =>
        Find(path) is JsonObject list
            ? list.OrderBy(entry => int.TryParse(entry.Key, out var index) ? index : int.MaxValue)
                .Select(entry => entry.Value!)
                .ToList()
            : [];

    public IReadOnlyList<string> Strings(params string[] path) =>
        List(path).OfType<JsonValue>().Select(value => value.GetValue<string>()).ToList();

    /// <summary>A <c>metadata[...]</c> hash; null when absent.</summary>
    public IReadOnlyDictionary<string, string>? Map(params string[] path) =>
        Find(path) switch
        {
            JsonObject map => map.Where(entry => entry.Value is JsonValue)
                .ToDictionary(entry => entry.Key, entry => entry.Value!.GetValue<string>()),
            // metadata="" clears the whole hash.
            JsonValue value when value.GetValue<string>() == "" => new Dictionary<string, string>(),
            null => null,
            _ => throw StripeApiException.InvalidRequest("Invalid hash", Name(path)),
        };

    JsonNode? Find(string[] path)
    {
        JsonNode? node = root;
        foreach (var segment in path)
        {
            node = node is JsonObject parent && parent.TryGetPropertyValue(segment, out var child) ? child : null;
        }

        return node;
    }

    static string Name(string[] path) => path[0] + string.Concat(path.Skip(1).Select(segment => $"[{segment}]"));

    static void Add(JsonObject root, string key, string value)
    {
        var segments = Segments(key);
        var node = root;
        for (var i = 0; i < segments.Count; i++)
        {
            var segment = segments[i] == "" ? node.Count.ToString() : segments[i];
            if (i == segments.Count - 1)
            {
                node[segment] = value;
                return;
            }

            if (node[segment] is not JsonObject child)
            {
                child = new JsonObject();
                node[segment] = child;
            }

            node = child;
        }
    }

    static List<string> Segments(string key)
    {
        var open = key.IndexOf('[');
        if (open < 0)
        {
            return [key];
        }

        var segments = new List<string> { key[..open] };
        while (open >= 0 && open < key.Length)
        {
            var close = key.IndexOf(']', open);
            if (close < 0)
            {
                throw StripeApiException.InvalidRequest($"Invalid parameter name: {key}", key);
            }

            segments.Add(key[(open + 1)..close]);
            open = close + 1 < key.Length && key[close + 1] == '[' ? close + 1 : -1;
        }

        return segments;
    }
}
