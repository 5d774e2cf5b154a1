using System.Buffers.Text;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;

namespace Keel.FixCi.GitHub;

/// <summary>
/// The JSON Web Token a GitHub App authenticates as itself with: RS256-signed with the app's private key,
/// <c>iat</c> 60 seconds in the past (GitHub's clock may lag ours), <c>exp</c> 9 minutes ahead (GitHub refuses more
/// than 10), <c>iss</c> the app id.
/// </summary>
internal static class AppJwt
{
    public static readonly TimeSpan Backdate = TimeSpan.FromSeconds(60);
    public static readonly TimeSpan Lifetime = TimeSpan.FromMinutes(9);

    private static readonly byte[] Header = JsonSerializer.SerializeToUtf8Bytes(new Dictionary<string, string> { ["alg"] = "RS256", ["typ"] = "JWT" });

    public static string Create(string appId, RSA privateKey, DateTimeOffset now)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(appId);
        ArgumentNullException.ThrowIfNull(privateKey);
        var payload = JsonSerializer.SerializeToUtf8Bytes(new Dictionary<string, object>
        {
            ["iat"] = (now - Backdate).ToUnixTimeSeconds(),
            ["exp"] = (now + Lifetime).ToUnixTimeSeconds(),
            ["iss"] = appId,
        });
        var signingInput = $"{Base64Url.EncodeToString(Header)}.{Base64Url.EncodeToString(payload)}";
        var signature = privateKey.SignData(Encoding.ASCII.GetBytes(signingInput), HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        return $"{signingInput}.{Base64Url.EncodeToString(signature)}";
    }
}
