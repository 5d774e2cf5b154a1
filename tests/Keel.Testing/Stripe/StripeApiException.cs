using System.Net;
using System.Text.Json.Nodes;

namespace Keel.Testing.Stripe;

/// <summary>
/// A request the fake refuses the way Stripe would; thrown from deep inside a handler and turned into Stripe's
/// error JSON in one place, so handlers read like the happy path Stripe documents.
/// </summary>
sealed class StripeApiException(HttpStatusCode status, string type, string message, string? param = null, string? code = null)
    : Exception(message)
{
    public HttpStatusCode Status { get; } = status;

    public JsonObject Body()
    {
        var error = new JsonObject { ["type"] = type, ["message"] = Message };
        if (param is not null)
        {
            error["param"] = param;
        }

        if (code is not null)
        {
            error["code"] = code;
        }

        return new JsonObject { ["error"] = error };
    }

    public static StripeApiException InvalidRequest(string message, string? param = null) =>
        new(HttpStatusCode.BadRequest, "invalid_request_error", message, param);

    public static StripeApiException MissingParameter(string param) =>
        new(HttpStatusCode.BadRequest, "invalid_request_error", $"Missing required param: {param}.", param, "parameter_missing");

    public static StripeApiException NoSuchObject(string kind, string id, string param = "id") =>
        new(HttpStatusCode.NotFound, "invalid_request_error", $"No such {kind}: '{id}'", param, "resource_missing");

    public static StripeApiException UnrecognizedUrl(string method, string path) =>
        new(HttpStatusCode.NotFound, "invalid_request_error",
            $"Unrecognized request URL ({method}: {path}). Please see https://stripe.com/docs or we can help at https://support.stripe.com/.");

    public static StripeApiException Unauthorized(string message) =>
        new(HttpStatusCode.Unauthorized, "invalid_request_error", message);

    public static StripeApiException IdempotencyMismatch(string key) =>
        new(HttpStatusCode.BadRequest, "idempotency_error",
            $"Keys for idempotent requests can only be used with the same parameters they were first used with. Try using a key other than '{key}' if you meant to execute a different request.");
}
