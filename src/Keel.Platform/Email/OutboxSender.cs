using Keel.Platform.Data;
using Keel.Platform.Jobs;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using MimeKit;

namespace Keel.Platform.Email;

/// <summary>
/// Delivers queued mail. A message stays queued until the transport accepts it: a failed attempt is retried with
/// exponential backoff (capped at <see cref="EmailOptions.MaxBackoff"/>) for as long as it takes, so an SMTP outage
/// delays mail but never loses it. Several instances may run: each claims a message with a short lease first.
/// </summary>
internal sealed class OutboxSender(
    IServiceScopeFactory scopes,
    MailTransport transport,
    WorkSignal<OutboxMessage> signal,
    TimeProvider time,
    IOptions<KeelOptions> options,
    SecretBox box,
    ILogger<OutboxSender> logger) : PollingWorker<OutboxMessage>(signal, time, logger)
{
    private static readonly TimeSpan Lease = TimeSpan.FromMinutes(2);

    protected override TimeSpan PollInterval => options.Value.Email.PollInterval;

    protected override int BatchSize => 20;

    /// <summary>Attempts every message that is due now; returns how many were attempted.</summary>
    public override async Task<int> ProcessDueAsync(CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<KeelDbContext>();
        var now = Time.GetUtcNow();
        var due = await db.OutboxMessages
            .Where(m => m.Status == OutboxStatus.Queued && m.NextAttemptAt <= now && (m.LockedUntil == null || m.LockedUntil < now))
            .OrderBy(m => m.NextAttemptAt)
            .Select(m => m.Id)
            .Take(BatchSize)
            .ToListAsync(cancellationToken);

        foreach (var id in due)
        {
            var leaseEnd = now + Lease;
            var claimed = await db.OutboxMessages
                .Where(m => m.Id == id && m.Status == OutboxStatus.Queued && (m.LockedUntil == null || m.LockedUntil < now))
                .ExecuteUpdateAsync(s => s.SetProperty(m => m.LockedUntil, leaseEnd), cancellationToken);
            if (claimed == 0) continue;

            var message = await db.OutboxMessages.AsNoTracking().SingleAsync(m => m.Id == id, cancellationToken);
            await DeliverAsync(db, message, cancellationToken);
        }
        return due.Count;
    }

    private async Task DeliverAsync(KeelDbContext db, OutboxMessage message, CancellationToken cancellationToken)
    {
        var attempts = message.Attempts + 1;
        try
        {
            await transport.SendAsync(ToMime(message), cancellationToken);
            var sentAt = Time.GetUtcNow();
            await db.OutboxMessages.Where(m => m.Id == message.Id).ExecuteUpdateAsync(s => s
                .SetProperty(m => m.Status, OutboxStatus.Sent)
                .SetProperty(m => m.SentAt, sentAt)
                .SetProperty(m => m.Attempts, attempts)
                .SetProperty(m => m.LockedUntil, (DateTimeOffset?)null)
                .SetProperty(m => m.LastError, (string?)null), cancellationToken);
        }
        catch (PermanentMailFailureException e)
        {
            Logger.LogWarning("Mail {MessageId} ({Kind}) was refused permanently: {Error}", message.Id, message.Kind, e.Message);
            await db.OutboxMessages.Where(m => m.Id == message.Id).ExecuteUpdateAsync(s => s
                .SetProperty(m => m.Status, OutboxStatus.Failed)
                .SetProperty(m => m.Attempts, attempts)
                .SetProperty(m => m.LockedUntil, (DateTimeOffset?)null)
                .SetProperty(m => m.LastError, Truncate(e.Message)), cancellationToken);
        }
        catch (Exception e) when (!cancellationToken.IsCancellationRequested)
        {
            var retryAt = Time.GetUtcNow() + Backoff(attempts);
            Logger.LogWarning("Mail {MessageId} ({Kind}) attempt {Attempt} failed, retrying at {RetryAt:u}: {Error}",
                message.Id, message.Kind, attempts, retryAt, e.Message);
            await db.OutboxMessages.Where(m => m.Id == message.Id).ExecuteUpdateAsync(s => s
                .SetProperty(m => m.Attempts, attempts)
                .SetProperty(m => m.NextAttemptAt, retryAt)
                .SetProperty(m => m.LockedUntil, (DateTimeOffset?)null)
                .SetProperty(m => m.LastError, Truncate(e.Message)), CancellationToken.None);
        }
    }

    /// <summary>5 s, 10 s, 20 s ... up to the configured maximum.</summary>
    internal TimeSpan Backoff(int attempts)
    {
        var seconds = 5 * Math.Pow(2, Math.Min(attempts - 1, 20));
        var max = options.Value.Email.MaxBackoff;
        return seconds >= max.TotalSeconds ? max : TimeSpan.FromSeconds(seconds);
    }

    private MimeMessage ToMime(OutboxMessage message)
    {
        var mime = new MimeMessage
        {
            // A stable id lets receiving servers drop the duplicate if a crash makes us send a message twice.
            MessageId = $"{message.Id:N}@keel",
            Subject = message.Subject,
            Date = message.CreatedAt,
        };
        mime.From.Add(MailboxAddress.Parse(options.Value.Email.From));
        mime.To.Add(MailboxAddress.Parse(message.To));
        mime.Body = new BodyBuilder { TextBody = box.Open(message.TextBody), HtmlBody = box.Open(message.HtmlBody) }.ToMessageBody();
        return mime;
    }

    private static string Truncate(string text) => text.Length <= 1000 ? text : text[..1000];
}
