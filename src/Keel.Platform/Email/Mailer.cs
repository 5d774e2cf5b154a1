using Keel.Platform.Data;
using Keel.Platform.Jobs;

namespace Keel.Platform.Email;

/// <summary>Queues email in the outbox of the current unit of work; nothing is sent until the caller's
/// <c>SaveChangesAsync</c> commits, and the sender is woken right after it does.</summary>
public sealed class Mailer(KeelDbContext db, TimeProvider time, WorkSignal<OutboxMessage> signal, SecretBox box)
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
