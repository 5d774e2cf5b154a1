using System.Text;
using MimeKit;

namespace Keel.Testing;

/// <summary>One SMTP conversation on one connection: the RFC 5321 subset <see cref="SmtpListener"/> speaks.</summary>
internal sealed class SmtpSession(Stream stream, SmtpListener listener)
{
    const string ServerName = "keel-testing";

    // Verbs of RFC 5321 and common extensions this server knows but does not offer; anything else is unknown.
    static readonly HashSet<string> NotImplemented = ["VRFY", "EXPN", "HELP", "TURN", "STARTTLS", "AUTH", "BDAT", "ETRN"];

    readonly SmtpLineReader reader = new(stream);
    string? clientName;
    string? envelopeFrom;
    readonly List<string> recipients = [];

    public async Task RunAsync(CancellationToken cancellationToken)
    {
        await ReplyAsync($"220 {ServerName} ESMTP Keel.Testing SmtpListener ready", cancellationToken);
        while (await reader.ReadLineAsync(cancellationToken) is { } line)
        {
            var command = Encoding.UTF8.GetString(line);
            var space = command.IndexOf(' ', StringComparison.Ordinal);
            var verb = (space < 0 ? command : command[..space]).ToUpperInvariant();
            var argument = space < 0 ? "" : command[(space + 1)..].Trim();
            var keepOpen = verb switch
            {
                "EHLO" => await EhloAsync(argument, cancellationToken),
                "HELO" => await HeloAsync(argument, cancellationToken),
                "MAIL" => await MailAsync(argument, cancellationToken),
                "RCPT" => await RcptAsync(argument, cancellationToken),
                "DATA" => await DataAsync(cancellationToken),
                "RSET" => await ResetAsync(cancellationToken),
                "NOOP" => await ReplyAsync("250 2.0.0 OK", cancellationToken),
                "QUIT" => await QuitAsync(cancellationToken),
                _ when NotImplemented.Contains(verb) => await ReplyAsync("502 5.5.1 Command not implemented", cancellationToken),
                _ => await ReplyAsync("500 5.5.2 Command not recognized", cancellationToken),
            };
            if (!keepOpen)
            {
                return;
            }
        }
    }

    async Task<bool> EhloAsync(string argument, CancellationToken cancellationToken)
    {
        if (argument.Length == 0)
        {
            return await ReplyAsync("501 5.5.4 EHLO requires a domain or address literal", cancellationToken);
        }

        clientName = argument;
        ClearTransaction();
        return await ReplyAsync(
            $"250-{ServerName} greets {argument}\r\n250-SIZE {SmtpListener.MaxMessageSize}\r\n250-PIPELINING\r\n250 8BITMIME",
            cancellationToken);
    }

    async Task<bool> HeloAsync(string argument, CancellationToken cancellationToken)
    {
        if (argument.Length == 0)
        {
            return await ReplyAsync("501 5.5.4 HELO requires a domain", cancellationToken);
        }

        clientName = argument;
        ClearTransaction();
        return await ReplyAsync($"250 {ServerName}", cancellationToken);
    }

    async Task<bool> MailAsync(string argument, CancellationToken cancellationToken)
    {
        if (clientName is null)
        {
            return await ReplyAsync("503 5.5.1 Send EHLO or HELO first", cancellationToken);
        }

        if (envelopeFrom is not null)
        {
            return await ReplyAsync("503 5.5.1 Nested MAIL command", cancellationToken);
        }

        switch (listener.TemporaryFailure)
        {
            case SmtpTemporaryFailure.LocalError451:
                return await ReplyAsync("451 4.3.0 Local error in processing, try again later", cancellationToken);
            case SmtpTemporaryFailure.ServiceNotAvailable421:
                await ReplyAsync($"421 4.3.2 {ServerName} Service not available, closing transmission channel", cancellationToken);
                return false;
        }

        if (ParsePath(argument, "FROM:") is not { } address)
        {
            return await ReplyAsync("501 5.5.4 Syntax: MAIL FROM:<address>", cancellationToken);
        }

        envelopeFrom = address;
        return await ReplyAsync("250 2.1.0 OK", cancellationToken);
    }

    async Task<bool> RcptAsync(string argument, CancellationToken cancellationToken)
    {
        if (envelopeFrom is null)
        {
            return await ReplyAsync("503 5.5.1 Send MAIL FROM first", cancellationToken);
        }

        if (ParsePath(argument, "TO:") is not { Length: > 0 } address)
        {
            return await ReplyAsync("501 5.5.4 Syntax: RCPT TO:<address>", cancellationToken);
        }

        recipients.Add(address);
        return await ReplyAsync("250 2.1.5 OK", cancellationToken);
    }

    async Task<bool> DataAsync(CancellationToken cancellationToken)
    {
        if (envelopeFrom is null || recipients.Count == 0)
        {
            return await ReplyAsync("503 5.5.1 Send MAIL FROM and RCPT TO first", cancellationToken);
        }

        await ReplyAsync("354 End data with <CR><LF>.<CR><LF>", cancellationToken);
        using var data = new MemoryStream();
        while (true)
        {
            var line = await reader.ReadLineAsync(cancellationToken);
            if (line is null)
            {
                return false;
            }

            if (line is [(byte)'.'])
            {
                break;
            }

            // RFC 5321 4.5.2: the client doubled every leading dot.
            var skip = line is [(byte)'.', ..] ? 1 : 0;
            data.Write(line, skip, line.Length - skip);
            data.Write("\r\n"u8);
        }

        if (data.Length > SmtpListener.MaxMessageSize)
        {
            ClearTransaction();
            return await ReplyAsync("552 5.3.4 Message size exceeds fixed maximum message size", cancellationToken);
        }

        MimeMessage message;
        try
        {
            data.Position = 0;
            message = await MimeMessage.LoadAsync(data, cancellationToken);
        }
        catch (FormatException exception)
        {
            ClearTransaction();
            return await ReplyAsync($"554 5.6.0 Message could not be parsed: {exception.Message}", cancellationToken);
        }

        var id = listener.Accept(new ReceivedMail(
            envelopeFrom, recipients.ToArray(), clientName!, data.ToArray(), message, DateTimeOffset.UtcNow));
        ClearTransaction();
        return await ReplyAsync($"250 2.0.0 OK queued as {id}", cancellationToken);
    }

    async Task<bool> ResetAsync(CancellationToken cancellationToken)
    {
        ClearTransaction();
        return await ReplyAsync("250 2.0.0 OK", cancellationToken);
    }

    async Task<bool> QuitAsync(CancellationToken cancellationToken)
    {
        await ReplyAsync($"221 2.0.0 {ServerName} closing connection", cancellationToken);
        return false;
    }

    void ClearTransaction()
    {
        envelopeFrom = null;
        recipients.Clear();
    }

    /// <summary>Parses <c>FROM:&lt;address&gt; [parameters]</c>; returns "" for the null path &lt;&gt;.</summary>
    static string? ParsePath(string argument, string keyword)
    {
        if (!argument.StartsWith(keyword, StringComparison.OrdinalIgnoreCase))
        {
            return null;
        }

        var path = argument[keyword.Length..].TrimStart();
        var close = path.IndexOf('>', StringComparison.Ordinal);
        return path.StartsWith('<') && close > 0 ? path[1..close] : null;
    }

    async Task<bool> ReplyAsync(string reply, CancellationToken cancellationToken)
    {
        await stream.WriteAsync(Encoding.ASCII.GetBytes(reply + "\r\n"), cancellationToken);
        await stream.FlushAsync(cancellationToken);
        return true;
    }
}
