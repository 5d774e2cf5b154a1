using Keel.Platform.Data;

namespace Keel.Platform.Email;

/// <summary>Queues email in the outbox of the current unit of work; nothing is sent until the caller's
/// <c>SaveChangesAsync</c> commits, and the sender is woken right after it does.</summary>
public sealed class Mailer(KeelDbContext db, TimeProvider time, OutboxSignal signal, SecretBox box)
{
    private bool _subscribed;

    public void Queue(string to, EmailContent content)
    {
        var now = time.GetUtcNow();
        db.OutboxMessages.Add(new OutboxMessage
        {
            Id = Ids.New(time),
            To = to,
            Subject = content.Subject,
            // Sealed: bodies carry sign-in and invitation links, which must not sit readable in the database.
            TextBody = box.Seal(content.Text),
            HtmlBody = box.Seal(content.Html),
            Kind = content.Kind,
            CreatedAt = now,
            NextAttemptAt = now,
            Status = OutboxStatus.Queued,
        });
        if (_subscribed) return;
        db.SavedChanges += (_, _) => signal.Wake();
        _subscribed = true;
    }
}

/// <summary>Wakes the outbox sender when new mail was committed, so it does not wait for its next poll.</summary>
public sealed class OutboxSignal
{
    private readonly SemaphoreSlim _signal = new(0, 1);

    public void Wake()
    {
        if (_signal.CurrentCount == 0)
        {
            try { _signal.Release(); }
            catch (SemaphoreFullException) { }
        }
    }

    internal async Task WaitAsync(TimeSpan timeout, TimeProvider time, CancellationToken cancellationToken)
    {
        using var timeoutSource = new CancellationTokenSource(timeout, time);
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, timeoutSource.Token);
        try
        {
            await _signal.WaitAsync(linked.Token);
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            // The poll interval passed without a signal.
        }
    }
}
