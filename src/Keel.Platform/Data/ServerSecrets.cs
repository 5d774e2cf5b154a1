using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Keel.Platform.Data;

/// <summary>
/// The server's one secret, from which every key it needs is derived (HKDF-SHA256, one label per use). Set
/// <c>Keel:Secret</c> (base64, at least 32 bytes) when several instances run; the embedded default generates one
/// into <c>{DataDirectory}/keys/secret.key</c>, readable only by the server's user.
/// </summary>
public sealed class ServerSecrets
{
    private readonly byte[] _secret;

    public ServerSecrets(IOptions<KeelOptions> options, ILogger<ServerSecrets> logger) =>
        _secret = Load(options.Value, logger);

    public byte[] DeriveKey(string purpose, int length = 32) =>
        HKDF.DeriveKey(HashAlgorithmName.SHA256, _secret, length, salt: [], info: Encoding.UTF8.GetBytes("keel:" + purpose));

    private static byte[] Load(KeelOptions options, ILogger logger)
    {
        if (!string.IsNullOrWhiteSpace(options.Secret))
        {
            var configured = Convert.FromBase64String(options.Secret);
            if (configured.Length < 32) throw new InvalidOperationException("Keel:Secret must be base64 of at least 32 bytes.");
            return configured;
        }

        var path = Path.Combine(options.DataDirectory, "keys", "secret.key");
        if (File.Exists(path)) return Convert.FromBase64String(File.ReadAllText(path).Trim());
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        var secret = RandomNumberGenerator.GetBytes(32);
        var temp = path + "." + Guid.NewGuid().ToString("N") + ".tmp";
        File.WriteAllText(temp, Convert.ToBase64String(secret));
        if (!OperatingSystem.IsWindows()) File.SetUnixFileMode(temp, UnixFileMode.UserRead | UnixFileMode.UserWrite);
        try
        {
            File.Move(temp, path, overwrite: false);
        }
        catch (IOException)
        {
            // Another process created it first; use theirs so both agree.
            File.Delete(temp);
            return Convert.FromBase64String(File.ReadAllText(path).Trim());
        }
        logger.LogInformation("Generated the server secret in {Path}; set Keel__Secret when running several instances.", path);
        return secret;
    }
}
