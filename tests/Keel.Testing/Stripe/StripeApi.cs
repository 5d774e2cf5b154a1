using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http;

namespace Keel.Testing.Stripe;

/// <summary>
/// Answers every <c>/v1</c> request the way Stripe's API does: Bearer (or Basic) API key, form-encoded parameters,
/// Idempotency-Key replay for POSTs, <c>expand[]</c>, and Stripe's error JSON for anything refused or unknown.
/// </summary>
static class StripeApi
{
    static readonly JsonSerializerOptions Pretty = new() { WriteIndented = true };

    static readonly StripeRoute[] Routes =
    [
        .. CustomersApi.Routes,
        .. PricesApi.Routes,
        .. CheckoutApi.Routes,
        .. SubscriptionsApi.Routes,
    ];

    public static async Task HandleAsync(HttpContext http, FakeStripe stripe, StripeAccount account)
    {
        var request = http.Request;
        using var reader = new StreamReader(request.Body, Encoding.UTF8);
        var body = await reader.ReadToEndAsync(http.RequestAborted);
        var idempotencyKey = request.Headers["Idempotency-Key"].FirstOrDefault();
        var requestId = StripeAccount.NewId("req_");
        var path = request.Path.Value ?? "/";
        var query = request.QueryString.Value?.TrimStart('?') ?? "";

        HttpStatusCode status;
        string json;
        var replayed = false;
        lock (account.Gate)
        {
            (status, json, replayed) = Answer(
                stripe, account, request.Method, path, query, body, request.Headers.Authorization.FirstOrDefault(), idempotencyKey, requestId);
            account.Requests.Add(new StripeRequest(request.Method, path, query, body, idempotencyKey, status, replayed));
        }

        var response = http.Response;
        response.StatusCode = (int)status;
        response.ContentType = "application/json";
        response.Headers["Request-Id"] = requestId;
        response.Headers["Stripe-Version"] = account.ApiVersion;
        if (idempotencyKey is not null && request.Method == HttpMethods.Post)
        {
            response.Headers["Idempotency-Key"] = idempotencyKey;
        }

        if (replayed)
        {
            response.Headers["Idempotent-Replayed"] = "true";
        }

        await response.WriteAsync(json, http.RequestAborted);
    }

    static (HttpStatusCode Status, string Json, bool Replayed) Answer(
        FakeStripe stripe, StripeAccount account, string method, string path, string query, string body,
        string? authorization, string? idempotencyKey, string requestId)
    {
        try
        {
            Authenticate(authorization, stripe.ApiKey);
            var fingerprint = $"{method} {path}\n{body}";
            var idempotent = method == HttpMethods.Post && idempotencyKey is not null;
            if (idempotent && account.IdempotentAnswers.TryGetValue(idempotencyKey!, out var earlier))
            {
                return earlier.Request == fingerprint
                    ? (earlier.Status, earlier.Body, true)
                    : throw StripeApiException.IdempotencyMismatch(idempotencyKey!);
            }

            var segments = path.Trim('/').Split('/');
            foreach (var route in Routes)
            {
                if (route.TryMatch(method, segments, out var values))
                {
                    var form = StripeForm.Parse(query, body);
                    var call = new StripeCall(stripe, account, form, values, requestId, idempotencyKey);
                    var result = account.Expand(route.Handle(call), form.Strings("expand"));
                    var json = result.ToJsonString(Pretty);
                    if (idempotent)
                    {
                        account.IdempotentAnswers[idempotencyKey!] = new IdempotentAnswer(fingerprint, HttpStatusCode.OK, json);
                    }

                    return (HttpStatusCode.OK, json, false);
                }
            }

            throw StripeApiException.UnrecognizedUrl(method, path);
        }
        catch (StripeApiException refused)
        {
            return (refused.Status, refused.Body().ToJsonString(Pretty), false);
        }
    }

    static void Authenticate(string? authorization, string apiKey)
    {
        if (!AuthenticationHeaderValue.TryParse(authorization, out var header) || string.IsNullOrEmpty(header.Parameter))
        {
            throw StripeApiException.Unauthorized(
                "You did not provide an API key. You need to provide your API key in the Authorization header, using Bearer auth " +
                "(e.g. 'Authorization: Bearer YOUR_SECRET_KEY'). See https://stripe.com/docs/api#authentication for details, " +
                "or we can help at https://support.stripe.com/.");
        }

        var key = header.Scheme.ToLowerInvariant() switch
        {
            "bearer" => header.Parameter,
            // Basic auth carries the key as the user name with an empty password.
            "basic" => BasicUser(header.Parameter),
            _ => "",
        };
        if (key != apiKey)
        {
            var shown = key.Length > 4 ? $"{key[..Math.Min(8, key.Length - 4)]}****{key[^4..]}" : key;
            throw StripeApiException.Unauthorized($"Invalid API Key provided: {shown}");
        }
    }

    static string BasicUser(string encoded)
    {
        try
        {
            var decoded = Encoding.UTF8.GetString(Convert.FromBase64String(encoded));
            return decoded.Split(':')[0];
        }
        catch (FormatException)
        {
            return "";
        }
    }
}
