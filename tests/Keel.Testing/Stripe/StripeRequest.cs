using System.Net;

namespace Keel.Testing.Stripe;

/// <summary>One API request the fake answered.</summary>
/// <param name="Body">The raw form-encoded body.</param>
/// <param name="Replayed">True when the answer was the stored response of an earlier request with the same Idempotency-Key.</param>
public sealed record StripeRequest(
    string Method,
    string Path,
    string Query,
    string Body,
    string? IdempotencyKey,
    HttpStatusCode Status,
    bool Replayed);
