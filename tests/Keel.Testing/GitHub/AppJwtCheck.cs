using System.Buffers.Text;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;

namespace Keel.Testing.GitHub;

/// <summary>Verifies a GitHub App JWT the way GitHub does: RS256 by the app's key, <c>iss</c> the app id, a short life.</summary>
static class AppJwtCheck
{
    static readonly TimeSpan Skew = TimeSpan.FromSeconds(60);
    static readonly TimeSpan MaxLifetime = TimeSpan.FromMinutes(10);

    /// <summary>Null when valid, otherwise why not (GitHub's 401 message).</summary>
    public static string? Problem(string jwt, string appId, RSA publicKey, DateTimeOffset now)
    {
        var parts = jwt.Split('.');
        if (parts.Length != 3)
        {
            return "A JSON web token could not be decoded";
        }

        try
        {
            using var header = JsonDocument.Parse(Base64Url.DecodeFromChars(parts[0]));
            if (!header.RootElement.TryGetProperty("alg", out var alg) || alg.GetString() != "RS256")
            {
                return "'alg' must be RS256";
            }

            var signature = Base64Url.DecodeFromChars(parts[2]);
            if (!publicKey.VerifyData(Encoding.ASCII.GetBytes($"{parts[0]}.{parts[1]}"), signature, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1))
            {
                return "A JSON web token could not be decoded";
            }

            using var payload = JsonDocument.Parse(Base64Url.DecodeFromChars(parts[1]));
            var claims = payload.RootElement;
            var iss = claims.TryGetProperty("iss", out var issuer)
                ? issuer.ValueKind == JsonValueKind.Number ? issuer.GetRawText() : issuer.GetString()
                : null;
            if (iss != appId)
            {
                return $"'Issuer' claim ('iss') must be the app id {appId}";
            }

            if (!claims.TryGetProperty("iat", out var iatClaim) || !claims.TryGetProperty("exp", out var expClaim))
            {
                return "'Issued at' ('iat') and 'Expiration time' ('exp') claims are required";
            }

            var iat = DateTimeOffset.FromUnixTimeSeconds(iatClaim.GetInt64());
            var exp = DateTimeOffset.FromUnixTimeSeconds(expClaim.GetInt64());
            if (iat > now + Skew)
            {
                return "'Issued at' claim ('iat') must be an Integer representing a time in the past";
            }
            if (exp <= now)
            {
                return "'Expiration time' claim ('exp') must be a numeric value representing the future time at which the assertion expires";
            }
            if (exp - iat > MaxLifetime + Skew || exp > now + MaxLifetime + Skew)
            {
                return "'Expiration time' claim ('exp') is too far in the future";
            }
            return null;
        }
        catch (Exception e) when (e is FormatException or JsonException or InvalidOperationException or CryptographicException)
        {
            return "A JSON web token could not be decoded";
        }
    }
}
