using Keel.Gigzilla.Settings;
using Keel.Gigzilla.Store;
using MailKit;
using MailKit.Net.Smtp;
using MailKit.Security;
using MimeKit;

namespace Keel.Gigzilla.Mail;

/// <summary>
/// The local outbox: a message is queued in the same transaction as the change that caused it, then delivered by
/// <see cref="DeliverDueAsync"/>, which claims it with a lease (the desktop app and a CLI run may deliver at the same
/// time), sends it and marks it sent. A failure is retried with exponential backoff; queued messages survive restarts.
/// Without an SMTP host the message is written as an .eml file in <see cref="EmlFolderName"/> for the user to send.
/// </summary>
internal static class Outbox
{
    public const string EmlFolderName = "unsent-mail";

    private static readonly TimeSpan Lease = TimeSpan.FromMinutes(5);
    private static readonly TimeSpan FirstRetry = TimeSpan.FromMinutes(1);
    private static readonly TimeSpan MaxBackoff = TimeSpan.FromHours(6);

    /// <summary>One delivery attempt: sent by SMTP, written to an .eml file, dropped, or failed (to be retried).</summary>
    public sealed record Delivery(string Id, string To, string Subject, string? DeliveredAs, string? Error, DateTimeOffset? NextAttemptAt)
    {
        public bool Succeeded => Error is null;
    }

    public static string Queue(GigzillaStore store, OutgoingMail mail)
    {
        var id = StoredValues.NewId();
        store.Write(() =>
        {
            var now = store.Timestamp();
            store.Execute(
                """
                INSERT INTO outbox (id, invoice_id, purpose, to_address, subject, body, status, next_attempt_at, created_at)
                VALUES ($id, $invoice, $purpose, $to, $subject, $body, 'queued', $now, $now)
                """,
                ("$id", id),
                ("$invoice", mail.InvoiceId),
                ("$purpose", mail.Purpose),
                ("$to", mail.To),
                ("$subject", mail.Subject),
                ("$body", mail.Body),
                ("$now", now));
            for (var i = 0; i < mail.Attachments.Count; i++)
            {
                var attachment = mail.Attachments[i];
                store.Execute(
                    "INSERT INTO outbox_attachments (message_id, position, file_name, content_type, content) VALUES ($id, $position, $name, $type, $content)",
                    ("$id", id),
                    ("$position", i),
                    ("$name", attachment.FileName),
                    ("$type", attachment.ContentType),
                    ("$content", attachment.Content));
            }

            return (Outcome<bool>)true;
        });
        return id;
    }

    /// <summary>Time before the next attempt after <paramref name="attempts"/> failures: 1 min, doubling, at most 6 h.</summary>
    public static TimeSpan Backoff(int attempts) =>
        attempts >= 20 ? MaxBackoff : TimeSpan.FromTicks(Math.Min(MaxBackoff.Ticks, FirstRetry.Ticks << Math.Max(0, attempts - 1)));

    /// <summary>Delivers every queued message whose time has come; returns what happened to each.</summary>
    public static async Task<IReadOnlyList<Delivery>> DeliverDueAsync(GigzillaStore store, CancellationToken cancellationToken = default)
    {
        var now = store.Clock.GetUtcNow();
        var due = store.Query(
            """
            SELECT id FROM outbox
            WHERE status = 'queued' AND next_attempt_at <= $now AND (claimed_until IS NULL OR claimed_until <= $now)
            ORDER BY next_attempt_at, created_at
            """,
            reader => reader.GetString(0),
            ("$now", now));
        var settings = SettingsDocuments.LoadSettings(store);
        var profile = SettingsDocuments.LoadProfile(store);
        var deliveries = new List<Delivery>();
        foreach (var id in due)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var claimed = store.Execute(
                "UPDATE outbox SET claimed_until = $lease WHERE id = $id AND status = 'queued' AND (claimed_until IS NULL OR claimed_until <= $now)",
                ("$lease", now + Lease),
                ("$id", id),
                ("$now", now));
            if (claimed == 1)
            {
                deliveries.Add(await DeliverAsync(store, id, settings, profile, cancellationToken));
            }
        }

        return deliveries;
    }

    /// <summary>Queued messages, oldest first (for the CLI and the UI).</summary>
    public static IReadOnlyList<(string Id, string To, string Subject, int Attempts, string? LastError)> ListQueued(GigzillaStore store) =>
        store.Query(
            "SELECT id, to_address, subject, attempts, last_error FROM outbox WHERE status = 'queued' ORDER BY created_at",
            reader => (reader.GetString(0), reader.GetString(1), reader.GetString(2), reader.GetInt32(3), reader.NullableString(4)));

    private static async Task<Delivery> DeliverAsync(GigzillaStore store, string id, WorkspaceSettings settings, Profile profile, CancellationToken cancellationToken)
    {
        var row = store.Query(
            """
            SELECT o.to_address, o.subject, o.body, o.purpose, o.attempts, o.created_at, i.status
            FROM outbox o LEFT JOIN invoices i ON i.id = o.invoice_id WHERE o.id = $id
            """,
            reader => (To: reader.GetString(0), Subject: reader.GetString(1), Body: reader.GetString(2), Purpose: reader.GetString(3),
                Attempts: reader.GetInt32(4), CreatedAt: reader.Instant(5), InvoiceStatus: reader.NullableString(6)),
            ("$id", id))[0];

        // A reminder that waited in the outbox while the client paid must not go out.
        if (row.Purpose == OutgoingMail.ReminderPurpose && row.InvoiceStatus is "paid" or "cancelled")
        {
            store.Execute(
                "UPDATE outbox SET status = 'cancelled', claimed_until = NULL, last_error = $why WHERE id = $id",
                ("$why", $"not sent: the invoice is {row.InvoiceStatus}"),
                ("$id", id));
            return new Delivery(id, row.To, row.Subject, null, $"not sent: the invoice is {row.InvoiceStatus}", null);
        }

        var attachments = store.Query(
            "SELECT file_name, content_type, content FROM outbox_attachments WHERE message_id = $id ORDER BY position",
            reader => new MailAttachment(reader.GetString(0), reader.GetString(1), (byte[])reader.GetValue(2)),
            ("$id", id));
        var message = Compose(profile, row.To, row.Subject, row.Body, attachments, row.CreatedAt, id);
        try
        {
            var deliveredAs = settings.SmtpHost.Length == 0
                ? await WriteEmlAsync(store.Directory, message, row.CreatedAt, id, cancellationToken)
                : await SendSmtpAsync(store.Directory, settings, message, cancellationToken);
            store.Execute(
                "UPDATE outbox SET status = 'sent', attempts = attempts + 1, claimed_until = NULL, last_error = NULL, delivered_as = $as, sent_at = $now WHERE id = $id",
                ("$as", deliveredAs),
                ("$now", store.Timestamp()),
                ("$id", id));
            return new Delivery(id, row.To, row.Subject, deliveredAs, null, null);
        }
        catch (Exception exception) when (exception is IOException or System.Net.Sockets.SocketException or SmtpCommandException or SmtpProtocolException
                                              or AuthenticationException or ServiceNotConnectedException or TimeoutException or SslHandshakeException
                                              or UnauthorizedAccessException or SecretUnavailableException)
        {
            var attempts = row.Attempts + 1;
            var next = store.Clock.GetUtcNow() + Backoff(attempts);
            var error = exception.Message.ReplaceLineEndings(" ");
            store.Execute(
                "UPDATE outbox SET attempts = $attempts, next_attempt_at = $next, claimed_until = NULL, last_error = $error WHERE id = $id",
                ("$attempts", attempts),
                ("$next", next),
                ("$error", error),
                ("$id", id));
            return new Delivery(id, row.To, row.Subject, null, error, next);
        }
    }

    private static MimeMessage Compose(Profile profile, string to, string subject, string body, IReadOnlyList<MailAttachment> attachments, DateTimeOffset createdAt, string id)
    {
        var message = new MimeMessage();
        message.From.Add(new MailboxAddress(profile.BusinessName ?? profile.Name, profile.Email));
        message.To.Add(MailboxAddress.Parse(to));
        message.Subject = subject;
        message.Date = createdAt;
        // A stable Message-ID: a retry after a lost acknowledgement is recognisable as the same message.
        message.MessageId = $"{id}@gigzilla.local";
        var builder = new BodyBuilder { TextBody = body };
        foreach (var attachment in attachments)
        {
            builder.Attachments.Add(attachment.FileName, attachment.Content, ContentType.Parse(attachment.ContentType));
        }

        message.Body = builder.ToMessageBody();
        return message;
    }

    private static async Task<string> SendSmtpAsync(string dataDirectory, WorkspaceSettings settings, MimeMessage message, CancellationToken cancellationToken)
    {
        using var client = new SmtpClient { Timeout = 30_000 };
        var security = settings.SmtpSecurity switch
        {
            "none" => SecureSocketOptions.None,
            "starttls" => SecureSocketOptions.StartTls,
            "tls" => SecureSocketOptions.SslOnConnect,
            _ => SecureSocketOptions.Auto,
        };
        await client.ConnectAsync(settings.SmtpHost, settings.SmtpPort, security, cancellationToken);
        if (settings.SmtpUsername.Length > 0)
        {
            var password = settings.SmtpPassword.Length == 0 ? "" : SecretSeal.Open(dataDirectory, settings.SmtpPassword)
                ?? throw new SecretUnavailableException("the SMTP password cannot be read on this installation; set it again with 'gigzilla settings set smtpPassword -'");
            await client.AuthenticateAsync(settings.SmtpUsername, password, cancellationToken);
        }

        await client.SendAsync(message, cancellationToken);
        await client.DisconnectAsync(quit: true, cancellationToken);
        return $"smtp {settings.SmtpHost}:{settings.SmtpPort}";
    }

    private static async Task<string> WriteEmlAsync(string dataDirectory, MimeMessage message, DateTimeOffset createdAt, string id, CancellationToken cancellationToken)
    {
        var folder = Path.Combine(dataDirectory, EmlFolderName);
        Directory.CreateDirectory(folder);
        var path = Path.Combine(folder, $"{createdAt.UtcDateTime:yyyyMMdd-HHmmss}-{StoredValues.ShortId(id)}.eml");
        var partial = path + ".partial";
        await using (var stream = new FileStream(partial, FileMode.Create, FileAccess.Write))
        {
            await message.WriteToAsync(stream, cancellationToken);
            await stream.FlushAsync(cancellationToken);
        }

        File.Move(partial, path, overwrite: true);
        return path;
    }
}

/// <summary>A sealed secret (the SMTP password) cannot be opened with this installation's key.</summary>
internal sealed class SecretUnavailableException(string message) : Exception(message);
