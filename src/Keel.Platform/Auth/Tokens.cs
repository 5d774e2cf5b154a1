using System.Buffers.Text;
using System.Security.Cryptography;
using System.Text;

namespace Keel.Platform.Auth;

/// <summary>Random bearer secrets and their stored form. Secrets have 256 bits of entropy, so a plain SHA-256
/// (not a slow password hash) is the right way to store them: lookups stay an index seek.</summary>
internal static class Tokens
{
    public static string New(int bytes = 32) => Base64Url.EncodeToString(RandomNumberGenerator.GetBytes(bytes));

    public static byte[] Hash(string token) => SHA256.HashData(Encoding.UTF8.GetBytes(token));
}
