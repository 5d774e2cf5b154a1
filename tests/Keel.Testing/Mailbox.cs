using System.Text.RegularExpressions;
using MimeKit;

namespace Keel.Testing;

/// <summary>Reads what the embedded default's mail transport wrote: one .eml file per message.</summary>
public static partial class Mailbox
{
    public const string SignInSubject = "Your sign-in link";

    public static async Task<MimeMessage> WaitForEmlAsync(this KeelTestServer server, string to, string subject = SignInSubject, TimeSpan? timeout = null)
    {
        var deadline = DateTime.UtcNow + (timeout ?? TimeSpan.FromSeconds(15));
        while (DateTime.UtcNow < deadline)
        {
            if (Directory.Exists(server.MailDirectory))
            {
                foreach (var file in Directory.GetFiles(server.MailDirectory, "*.eml").Order())
                {
                    var message = await MimeMessage.LoadAsync(file);
                    if (message.Subject == subject && message.To.Mailboxes.Any(m => m.Address.Equals(to, StringComparison.OrdinalIgnoreCase))) return message;
                }
            }
            await Task.Delay(50);
        }
        throw new TimeoutException($"No .eml '{subject}' for {to} appeared in {server.MailDirectory}.");
    }

    /// <summary>The token of the first Keel link (sign-in or invitation) in a message's text body.</summary>
    public static string TokenFrom(MimeMessage message) =>
        Uri.UnescapeDataString(TokenLink().Match(message.TextBody ?? "").Groups["token"].Value is { Length: > 0 } token
            ? token
            : throw new InvalidOperationException("The message has no link with a token:\n" + message.TextBody));

    public static string LinkFrom(MimeMessage message) => TokenLink().Match(message.TextBody ?? "").Value;

    [GeneratedRegex(@"https?://\S+\?token=(?<token>[A-Za-z0-9_\-%]+)")]
    private static partial Regex TokenLink();
}
