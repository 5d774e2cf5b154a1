using MimeKit;

namespace Keel.Platform.Email;

/// <summary>Where the outbox delivers to: an SMTP server, or .eml files for the embedded default.</summary>
internal abstract class MailTransport
{
    /// <summary>Delivers the message or throws. <see cref="PermanentMailFailureException"/> means retrying cannot help.</summary>
    public abstract Task SendAsync(MimeMessage message, CancellationToken cancellationToken);
}

internal sealed class PermanentMailFailureException(string message, Exception inner) : Exception(message, inner);
