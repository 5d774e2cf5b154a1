using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using MimeKit;

namespace Keel.Platform.Email;

/// <summary>The embedded default: each message becomes an .eml file that any mail client opens.</summary>
internal sealed class FileMailTransport(IOptions<KeelOptions> options, TimeProvider time, ILogger<FileMailTransport> logger) : MailTransport
{
    public string Directory => Path.GetFullPath(Path.Combine(options.Value.DataDirectory, "mail"));

    public override async Task SendAsync(MimeMessage message, CancellationToken cancellationToken)
    {
        System.IO.Directory.CreateDirectory(Directory);
        var name = $"{time.GetUtcNow():yyyyMMdd-HHmmss}-{(message.MessageId ?? Guid.NewGuid().ToString("N")).Trim('<', '>').Split('@')[0]}.eml";
        var path = Path.Combine(Directory, name);
        var temp = path + ".tmp";
        await message.WriteToAsync(temp, cancellationToken);
        File.Move(temp, path, overwrite: true);
        logger.LogInformation("Mail to {Recipient} written to {Path} (no SMTP server configured)", message.To, path);
    }
}
