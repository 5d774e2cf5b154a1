using System.Text.Json.Nodes;

namespace Keel.Testing.Stripe;

/// <summary>One API operation: <c>GET /v1/customers/{id}</c> and the handler that answers it.</summary>
sealed record StripeRoute(string Method, string Template, Func<StripeCall, JsonObject> Handle)
{
    readonly string[] segments = Template.Trim('/').Split('/');

    public bool TryMatch(string method, string[] path, out Dictionary<string, string> values)
    {
        values = [];
        if (method != Method || path.Length != segments.Length)
        {
            return false;
        }

        for (var i = 0; i < segments.Length; i++)
        {
            if (segments[i].StartsWith('{'))
            {
                values[segments[i].Trim('{', '}')] = path[i];
            }
            else if (segments[i] != path[i])
            {
                return false;
            }
        }

        return true;
    }
}
