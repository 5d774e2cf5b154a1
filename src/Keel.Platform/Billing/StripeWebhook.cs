using System.Text.Json;
using Keel.Platform.Data;
using Keel.Platform.Jobs;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Keel.Platform.Billing;

/// <summary>
/// Receives Stripe's webhooks: verify the signature, store the event, answer 200. Nothing else happens in the
/// request, so a slow or failing handler never makes Stripe retry an event we already have; the processor applies
/// it from the store. Products map this same endpoint at the paths their seeds documented.
/// </summary>
public static class StripeWebhook
{
    public static RouteHandlerBuilder MapStripeWebhook(this IEndpointRouteBuilder app, string pattern) =>
        app.MapPost(pattern, ReceiveAsync).AllowAnonymous().WithTags("Billing").DisableAntiforgery()
            .WithSummary("Stripe webhook endpoint (signed with Stripe-Signature)");

    private static async Task<IResult> ReceiveAsync(HttpContext http, KeelDbContext db, TimeProvider time, IOptions<KeelOptions> options,
        WorkSignal<StripeEventRecord> signal, CancellationToken ct)
    {
        var stripe = options.Value.Stripe;
        if (!stripe.IsConfigured || stripe.WebhookSecrets.Count == 0)
            return TypedResults.Problem(statusCode: StatusCodes.Status503ServiceUnavailable, title: "Billing is not configured",
                detail: "Set Keel:Stripe:SecretKey and Keel:Stripe:WebhookSecrets to receive Stripe events.");
        using var buffer = new MemoryStream();
        await http.Request.Body.CopyToAsync(buffer, ct);
        var payload = buffer.ToArray();
        var now = time.GetUtcNow();
        if (!StripeSignature.IsValid(payload, http.Request.Headers["Stripe-Signature"], stripe.WebhookSecrets, now, stripe.SignatureTolerance))
            return TypedResults.Problem(statusCode: StatusCodes.Status400BadRequest, title: "Invalid signature",
                detail: "The Stripe-Signature header does not match this endpoint's secret, or its timestamp is too old.");

        string id, type;
        long created;
        try
        {
            using var json = JsonDocument.Parse(payload);
            id = json.RootElement.GetProperty("id").GetString() ?? throw new KeyNotFoundException("id");
            type = json.RootElement.GetProperty("type").GetString() ?? throw new KeyNotFoundException("type");
            created = json.RootElement.GetProperty("created").GetInt64();
        }
        catch (Exception e) when (e is JsonException or KeyNotFoundException or InvalidOperationException)
        {
            return TypedResults.Problem(statusCode: StatusCodes.Status400BadRequest, title: "Bad request", detail: "The event is not a Stripe event object.");
        }
        if (id.Length > 255 || type.Length > 100)
            return TypedResults.Problem(statusCode: StatusCodes.Status400BadRequest, title: "Bad request", detail: "The event id or type is too long.");

        if (!await db.StripeEvents.AnyAsync(e => e.Id == id, ct))
        {
            db.StripeEvents.Add(new StripeEventRecord
            {
                Id = id,
                Type = type,
                Payload = System.Text.Encoding.UTF8.GetString(payload),
                CreatedAt = DateTimeOffset.FromUnixTimeSeconds(created),
                ReceivedAt = now,
                NextAttemptAt = now,
            });
            try
            {
                await db.SaveChangesAsync(ct);
            }
            catch (DbUpdateException)
            {
                // The same event arrived twice at once; the other request stored it.
            }
            signal.Wake();
        }
        return TypedResults.Ok(new { received = true });
    }
}
