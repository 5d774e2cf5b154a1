using System.Security.Cryptography;
using System.Text;
using Keel.Gigzilla.Backups;

namespace Keel.Gigzilla.Mail;

/// <summary>
/// Seals a secret kept in the settings (the SMTP password) with AES-256-GCM under a key derived from this
/// installation's <c>backup.key</c>, so the settings document (and every backup of it) never holds it in clear.
/// </summary>
internal static class SecretSeal
{
    private const string Prefix = "sealed:v1:";
    private const string Purpose = "gigzilla smtp password";

    public static bool IsSealed(string value) => value.StartsWith(Prefix, StringComparison.Ordinal);

    public static string Seal(string dataDirectory, string secret)
    {
        var key = BackupKey.ForInstall(dataDirectory, create: true)!.DeriveFor(Purpose);
        var plain = Encoding.UTF8.GetBytes(secret);
        var nonce = RandomNumberGenerator.GetBytes(12);
        var tag = new byte[16];
        var cipher = new byte[plain.Length];
        using (var aes = new AesGcm(key, 16))
        {
            aes.Encrypt(nonce, plain, cipher, tag);
        }

        return Prefix + Convert.ToBase64String([.. nonce, .. tag, .. cipher]);
    }

    /// <summary>The secret, or null when it was sealed by another installation's key (or damaged).</summary>
    public static string? Open(string dataDirectory, string value)
    {
        if (!IsSealed(value) || BackupKey.ForInstall(dataDirectory, create: false) is not { } installKey)
        {
            return null;
        }

        try
        {
            var bytes = Convert.FromBase64String(value[Prefix.Length..]);
            var plain = new byte[bytes.Length - 28];
            using var aes = new AesGcm(installKey.DeriveFor(Purpose), 16);
            aes.Decrypt(bytes.AsSpan(0, 12), bytes.AsSpan(28), bytes.AsSpan(12, 16), plain);
            return Encoding.UTF8.GetString(plain);
        }
        catch (Exception exception) when (exception is FormatException or CryptographicException or ArgumentException)
        {
            return null;
        }
    }
}
