using System.Security.Cryptography;
using System.Text;

namespace Keel.Platform.Data;

/// <summary>AES-256-GCM for data that must be readable again but never stored in the clear (queued mail carrying
/// sign-in links, third-party tokens). Output: version byte, 12-byte nonce, 16-byte tag, ciphertext; base64.</summary>
public sealed class SecretBox(ServerSecrets secrets)
{
    private const byte Version = 1;
    private readonly byte[] _key = secrets.DeriveKey("secret-box");

    public string Seal(string plaintext)
    {
        var input = Encoding.UTF8.GetBytes(plaintext);
        var output = new byte[1 + 12 + 16 + input.Length];
        output[0] = Version;
        var nonce = output.AsSpan(1, 12);
        RandomNumberGenerator.Fill(nonce);
        using var aes = new AesGcm(_key, 16);
        aes.Encrypt(nonce, input, output.AsSpan(29), output.AsSpan(13, 16));
        return Convert.ToBase64String(output);
    }

    public string Open(string sealedText)
    {
        var input = Convert.FromBase64String(sealedText);
        if (input.Length < 29 || input[0] != Version) throw new CryptographicException("Not a sealed value of this server.");
        var output = new byte[input.Length - 29];
        using var aes = new AesGcm(_key, 16);
        aes.Decrypt(input.AsSpan(1, 12), input.AsSpan(29), input.AsSpan(13, 16), output);
        return Encoding.UTF8.GetString(output);
    }
}
