using MailKit.Net.Smtp;
using MailKit.Security;
using Microsoft.Extensions.Options;
using MimeKit;

namespace Keel.Platform.Email;

internal sealed class SmtpMailTransport(IOptions<KeelOptions> options) : MailTransport
{
    public override async Task SendAsync(MimeMessage message, CancellationToken cancellationToken)
    {
        var smtp = options.Value.Smtp;
        using var client = new SmtpClient { Timeout = 30_000 };
        try
        {
            await client.ConnectAsync(smtp.Host ?? throw new InvalidOperationException("Keel:Smtp:Host is not set."), smtp.Port, Enum.Parse<SecureSocketOptions>(smtp.Security, ignoreCase: true), cancellationToken);
            if (!string.IsNullOrEmpty(smtp.Username))
                await client.AuthenticateAsync(smtp.Username, smtp.Password ?? "", cancellationToken);
            await client.SendAsync(message, cancellationToken);
            await client.DisconnectAsync(quit: true, cancellationToken);
        }
        catch (SmtpCommandException e) when ((int)e.StatusCode >= 500)
        {
            // 5xx on a command is the server's final word about this message (bad recipient, rejected content).
            throw new PermanentMailFailureException($"The SMTP server refused the message: {(int)e.StatusCode} {e.Message}", e);
        }
    }
}
