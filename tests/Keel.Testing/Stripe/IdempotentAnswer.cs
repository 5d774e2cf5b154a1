using System.Net;

namespace Keel.Testing.Stripe;

/// <summary>The stored answer to a POST with an Idempotency-Key; <paramref name="Request"/> is method, path and body.</summary>
sealed record IdempotentAnswer(string Request, HttpStatusCode Status, string Body);
