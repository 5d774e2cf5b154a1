using System.Security.Cryptography;
using System.Text;
using System.Text.Json;

namespace Keel.Gigzilla.App.Web.License;

/// <summary>
/// Verifies the license server's ES256 offline token without the network, against its published JWKS: the
/// signature by the key named in the header, issuer <c>keel</c>, audience <c>gigzilla</c>, and expiry (7 days after
/// issue), which is how long the app works offline.
/// </summary>
internal static class OfflineToken
{
    public sealed record Claims(string Email, string Status, string? Tier, DateTimeOffset ExpiresAt);

    public static Claims? Verify(string? token, string? jwks, DateTimeOffset now)
    {
        if (token is null || jwks is null)
        {
            return null;
        }

        var parts = token.Split('.');
        if (parts.Length != 3)
        {
            return null;
        }

        try
        {
            using var header = JsonDocument.Parse(Base64Url(parts[0]));
            if (header.RootElement.GetProperty("alg").GetString() != "ES256")
            {
                return null;
            }

            var kid = header.RootElement.TryGetProperty("kid", out var kidValue) ? kidValue.GetString() : null;
            var signed = Encoding.ASCII.GetBytes($"{parts[0]}.{parts[1]}");
            var signature = Base64Url(parts[2]);
            using var keys = JsonDocument.Parse(jwks);
            var verified = false;
            foreach (var key in keys.RootElement.GetProperty("keys").EnumerateArray())
            {
                if (key.GetProperty("kty").GetString() != "EC" || (kid is not null && key.TryGetProperty("kid", out var keyId) && keyId.GetString() != kid))
                {
                    continue;
                }

                using var ecdsa = ECDsa.Create(new ECParameters
                {
                    Curve = ECCurve.NamedCurves.nistP256,
                    Q = new ECPoint { X = Base64Url(key.GetProperty("x").GetString()!), Y = Base64Url(key.GetProperty("y").GetString()!) },
                });
                if (ecdsa.VerifyData(signed, signature, HashAlgorithmName.SHA256, DSASignatureFormat.IeeeP1363FixedFieldConcatenation))
                {
                    verified = true;
                    break;
                }
            }

            if (!verified)
            {
                return null;
            }

            using var payload = JsonDocument.Parse(Base64Url(parts[1]));
            var claims = payload.RootElement;
            var expires = DateTimeOffset.FromUnixTimeSeconds(claims.GetProperty("exp").GetInt64());
            var audience = claims.TryGetProperty("aud", out var aud) ? aud.ValueKind == JsonValueKind.Array ? aud[0].GetString() : aud.GetString() : null;
            if (claims.GetProperty("iss").GetString() != "keel" || audience != "gigzilla" || expires <= now)
            {
                return null;
            }

            return new Claims(
                claims.GetProperty("email").GetString() ?? "",
                claims.TryGetProperty("status", out var status) ? status.GetString() ?? "" : "",
                claims.TryGetProperty("tier", out var tier) ? tier.GetString() : null,
                expires);
        }
        catch (Exception exception) when (exception is JsonException or FormatException or KeyNotFoundException or InvalidOperationException or CryptographicException)
        {
            return null;
        }
    }

    private static byte[] Base64Url(string text)
    {
        var padded = text.Replace('-', '+').Replace('_', '/');
        padded += (padded.Length % 4) switch { 2 => "==", 3 => "=", _ => "" };
        return Convert.FromBase64String(padded);
    }
}
