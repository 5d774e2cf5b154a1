using System.Security.Cryptography;

namespace Keel.Gigzilla.Backups;

/// <summary>
/// The encrypted backup format: "GZBK", version 1, key kind (0 install key, 1 passphrase), 16-byte salt, 8-byte key
/// id, 12-byte nonce, 16-byte tag, then the SQLite database encrypted with AES-256-GCM; the header is authenticated too.
/// </summary>
internal static class BackupFile
{
    public const string Extension = ".gzbackup";

    private static readonly byte[] Magic = "GZBK"u8.ToArray();
    private const int HeaderLength = 4 + 1 + 1 + 16 + 8;
    private const int NonceLength = 12;
    private const int TagLength = 16;

    public static byte[] Seal(byte[] database, BackupKey key)
    {
        var header = new byte[HeaderLength];
        Magic.CopyTo(header, 0);
        header[4] = 1;
        header[5] = key.IsPassphrase ? (byte)1 : (byte)0;
        var salt = RandomNumberGenerator.GetBytes(16);
        salt.CopyTo(header, 6);
        key.Id.CopyTo(header, 22);
        var nonce = RandomNumberGenerator.GetBytes(NonceLength);
        var tag = new byte[TagLength];
        var ciphertext = new byte[database.Length];
        using (var aes = new AesGcm(key.Derive(salt), TagLength))
        {
            aes.Encrypt(nonce, database, ciphertext, tag, header);
        }

        return [.. header, .. nonce, .. tag, .. ciphertext];
    }

    /// <summary>The database inside <paramref name="file"/>, or why it cannot be read.</summary>
    public static Outcome<byte[]> Open(byte[] file, Func<bool, BackupKey?> keyFor, string name)
    {
        if (file.Length < HeaderLength + NonceLength + TagLength || !file.AsSpan(0, 4).SequenceEqual(Magic))
        {
            return new Failure($"{name} is not a Gigzilla backup");
        }

        if (file[4] != 1)
        {
            return new Failure($"{name} is a backup format (version {file[4]}) this gigzilla does not know; update gigzilla");
        }

        var passphrase = file[5] == 1;
        if (keyFor(passphrase) is not { } key)
        {
            return new Failure(passphrase
                ? $"{name} is protected by a passphrase: set {BackupKey.PassphraseVariable}"
                : $"{name} was made with an install key, and this store has no {BackupKey.KeyFileName}: copy the original key file beside the store");
        }

        if (!passphrase && !file.AsSpan(22, 8).SequenceEqual(key.Id))
        {
            return new Failure($"{name} was made by another Gigzilla installation (a different {BackupKey.KeyFileName})");
        }

        var header = file.AsSpan(0, HeaderLength);
        var nonce = file.AsSpan(HeaderLength, NonceLength);
        var tag = file.AsSpan(HeaderLength + NonceLength, TagLength);
        var ciphertext = file.AsSpan(HeaderLength + NonceLength + TagLength);
        var database = new byte[ciphertext.Length];
        try
        {
            using var aes = new AesGcm(key.Derive(file[6..22]), TagLength);
            aes.Decrypt(nonce, ciphertext, tag, database, header);
        }
        catch (AuthenticationTagMismatchException)
        {
            return new Failure(passphrase
                ? $"{name} cannot be decrypted: the passphrase is wrong or the file is corrupt"
                : $"{name} is corrupt: its contents do not match its authentication tag");
        }

        return database;
    }
}
