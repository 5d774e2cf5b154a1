using MimeKit;

namespace Keel.Testing;

/// <summary>A message accepted by <see cref="SmtpListener"/>, with the envelope it arrived in.</summary>
/// <param name="EnvelopeFrom">The MAIL FROM address; empty for the null sender <c>&lt;&gt;</c>.</param>
/// <param name="EnvelopeRecipients">The RCPT TO addresses, in order.</param>
/// <param name="ClientName">The name the client gave in EHLO or HELO.</param>
/// <param name="Data">The message exactly as received after dot-unstuffing, without the terminating dot line.</param>
/// <param name="Message">The message parsed by MimeKit.</param>
public sealed record ReceivedMail(
    string EnvelopeFrom,
    IReadOnlyList<string> EnvelopeRecipients,
    string ClientName,
    ReadOnlyMemory<byte> Data,
    MimeMessage Message,
    DateTimeOffset ReceivedAt);
