using System.Security.Cryptography;
using System.Text;

namespace Keel.Gigzilla.Backups;

/// <summary>
/// The key that encrypts backups: derived from a passphrase (PBKDF2-SHA256, per-file salt), or the per-install
/// key in <c>backup.key</c> beside the store, created on first use. Keep a copy of that file (or use a passphrase):
/// without it the backups cannot be read.
/// </summary>
internal sealed class BackupKey
{
    public const string KeyFileName = "backup.key";
    public const string PassphraseVariable = "GIGZILLA_BACKUP_PASSPHRASE";
    public const int Pbkdf2Iterations = 600_000;

    private readonly byte[]? installKey;
    private readonly string? passphrase;

    private BackupKey(byte[]? installKey, string? passphrase)
    {
        this.installKey = installKey;
        this.passphrase = passphrase;
    }

    public bool IsPassphrase => passphrase is not null;

    /// <summary>First 8 bytes of the install key's SHA-256, written in each backup to tell a foreign file from a corrupt one.</summary>
    public byte[] Id => installKey is null ? new byte[8] : SHA256.HashData(installKey)[..8];

    public static BackupKey FromPassphrase(string passphrase) => new(null, passphrase);

    /// <summary>The install key of the store in <paramref name="dataDirectory"/>; created when <paramref name="create"/>.</summary>
    public static BackupKey? ForInstall(string dataDirectory, bool create)
    {
        var path = Path.Combine(dataDirectory, KeyFileName);
        if (File.Exists(path))
        {
            return new BackupKey(Convert.FromBase64String(File.ReadAllText(path).Trim()), null);
        }

        if (!create)
        {
            return null;
        }

        var key = RandomNumberGenerator.GetBytes(32);
        Directory.CreateDirectory(dataDirectory);
        File.WriteAllText(path, Convert.ToBase64String(key));
        if (!OperatingSystem.IsWindows())
        {
            File.SetUnixFileMode(path, UnixFileMode.UserRead | UnixFileMode.UserWrite);
        }

        return new BackupKey(key, null);
    }

    /// <summary>A key for another secret of this installation (the SMTP password), derived from the install key by HKDF.</summary>
    public byte[] DeriveFor(string purpose) =>
        HKDF.DeriveKey(HashAlgorithmName.SHA256, installKey ?? throw new InvalidOperationException("only the install key seals local secrets"), 32, info: Encoding.UTF8.GetBytes(purpose));

    /// <summary>The AES-256 key for a file with this salt.</summary>
    public byte[] Derive(byte[] salt) =>
        passphrase is null
            ? installKey!
            : Rfc2898DeriveBytes.Pbkdf2(Encoding.UTF8.GetBytes(passphrase), salt, Pbkdf2Iterations, HashAlgorithmName.SHA256, 32);
}
