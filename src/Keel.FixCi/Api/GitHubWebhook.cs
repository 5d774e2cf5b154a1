using Keel.FixCi.Data;
using Keel.FixCi.GitHub;
using Keel.FixCi.Installations;
using Keel.FixCi.Runs;
using Keel.Platform.Data;
using Keel.Platform.Jobs;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Keel.FixCi.Api;

/// <summary>
/// Seed 003: <c>POST /github/webhook</c>. Verifies <c>X-Hub-Signature-256</c>, records the delivery once, and for a
/// failed <c>workflow_run</c> stores an analysis job (an installation change is recorded at once), all before answering 202: GitHub gives a webhook 10 seconds,
/// and the analysis (token, logs, engine, comment) runs afterwards from the store.
/// </summary>
internal static class GitHubWebhook
{
    public static void MapGitHubWebhook(this RouteGroupBuilder fixci) =>
        fixci.MapPost("/github/webhook", ReceiveAsync).AllowAnonymous().WithSummary("GitHub App webhook (signed with X-Hub-Signature-256)");

    private static async Task<IResult> ReceiveAsync(HttpContext http, KeelDbContext db, TimeProvider time, IServiceProvider services, CancellationToken ct)
    {
        if (services.GetService<GitHubAppOptions>() is not { } app)
            return TypedResults.Problem(statusCode: StatusCodes.Status503ServiceUnavailable, title: "FixCI's GitHub App is not configured",
                detail: "Set Keel:FixCi:GitHub:AppId, PrivateKeyPem and WebhookSecrets.");
        using var buffer = new MemoryStream();
        await http.Request.Body.CopyToAsync(buffer, ct);
        var body = buffer.ToArray();
        if (!WebhookSignature.IsValid(body, http.Request.Headers[WebhookSignature.HeaderName], app.WebhookSecrets))
            return TypedResults.Problem(statusCode: StatusCodes.Status401Unauthorized, title: "Invalid signature",
                detail: "X-Hub-Signature-256 does not match the webhook secret.");
        var delivery = http.Request.Headers[WebhookPayload.DeliveryHeader].ToString();
        var eventName = http.Request.Headers[WebhookPayload.EventHeader].ToString();
        if (delivery.Length is 0 or > 64 || eventName.Length is 0 or > 64)
            return TypedResults.Problem(statusCode: StatusCodes.Status400BadRequest, title: "Bad request",
                detail: $"{WebhookPayload.DeliveryHeader} and {WebhookPayload.EventHeader} are required.");

        if (await db.Set<GitHubDelivery>().AnyAsync(d => d.Id == delivery, ct)) return TypedResults.Ok(new { duplicate = true });
        var parsed = WebhookPayload.Parse(eventName, body);
        if (parsed is ParsedWebhook.Invalid invalid)
            return TypedResults.Problem(statusCode: StatusCodes.Status400BadRequest, title: "Bad request", detail: invalid.Error);

        var now = time.GetUtcNow();
        AnalysisJob? job = null;
        var duplicate = false;
        var attempt = 0;
        // Retried on a unique violation (RecordInstallation.SaveAsync): either this delivery raced itself, and the retry
        // finds it, or another delivery or a failed run's job created the same new installation first, and the retry
        // updates its row. Only a delivery that is really recorded is answered "duplicate".
        try
        {
            await RecordInstallation.SaveAsync(db, async () =>
            {
                job = null;
                if (attempt++ > 0 && await db.Set<GitHubDelivery>().AnyAsync(d => d.Id == delivery, ct))
                {
                    duplicate = true;
                    return;
                }
                db.Set<GitHubDelivery>().Add(new GitHubDelivery { Id = delivery, Event = eventName, ReceivedAt = now });
                if (parsed is ParsedWebhook.Analyze analyze)
                {
                    job = new AnalysisJob
                    {
                        Id = Ids.New(time),
                        DeliveryId = delivery,
                        InstallationId = analyze.Run.InstallationId,
                        Repository = analyze.Run.Repository.ToString(),
                        RunId = analyze.Run.RunId,
                        RunAttempt = analyze.Run.RunAttempt,
                        Payload = System.Text.Encoding.UTF8.GetString(body),
                        NextAttemptAt = now,
                        CreatedAt = now,
                    };
                    db.Set<AnalysisJob>().Add(job);
                }
                else if (parsed is ParsedWebhook.InstallationChanged installation)
                {
                    await RecordInstallation.ApplyAsync(db, installation.Change, now, ct);
                }
            }, ct);
        }
        catch (DbUpdateException)
        {
            db.ChangeTracker.Clear();
            if (!await db.Set<GitHubDelivery>().AnyAsync(d => d.Id == delivery, ct)) throw;
            duplicate = true;
        }
        if (duplicate) return TypedResults.Ok(new { duplicate = true });
        if (parsed is ParsedWebhook.InstallationChanged) return TypedResults.Accepted((string?)null, new { recorded = true });
        if (job is null) return TypedResults.Accepted((string?)null, new { ignored = ((ParsedWebhook.Ignored)parsed).Reason });
        services.GetRequiredService<WorkSignal<AnalysisJob>>().Wake();
        return TypedResults.Accepted((string?)null, new { queued = true, jobId = job.Id });
    }
}
