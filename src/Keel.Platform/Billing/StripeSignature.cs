using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace Keel.Platform.Billing;

/// <summary>
/// Verifies <c>Stripe-Signature</c> exactly as Stripe specifies: <c>t=TIMESTAMP</c> and one or more <c>v1=HEX</c>,
/// each an HMAC-SHA256 of <c>"{t}.{raw body}"</c> with an endpoint secret, compared in constant time; the timestamp
/// must be within the tolerance of now. Every configured secret is tried, so a secret can be rolled without
/// dropping events.
/// </summary>
public static class StripeSignature
{
    public static bool IsValid(ReadOnlySpan<byte> payload, string? header, IReadOnlyCollection<string> secrets, DateTimeOffset now, TimeSpan tolerance)
    {
        if (string.IsNullOrEmpty(header) || secrets.Count == 0) return false;
        long? timestamp = null;
        var signatures = new List<byte[]>();
        foreach (var part in header.Split(','))
        {
            var separator = part.IndexOf('=');
            if (separator <= 0) continue;
            var key = part[..separator].Trim();
            var value = part[(separator + 1)..].Trim();
            if (key == "t" && long.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var t)) timestamp = t;
            else if (key == "v1" && value.Length == 64 && TryHex(value, out var bytes)) signatures.Add(bytes);
        }
        if (timestamp is not { } seconds || signatures.Count == 0) return false;
        if ((now - DateTimeOffset.FromUnixTimeSeconds(seconds)).Duration() > tolerance) return false;

        var prefix = Encoding.UTF8.GetBytes(seconds.ToString(CultureInfo.InvariantCulture) + ".");
        var signed = new byte[prefix.Length + payload.Length];
        prefix.CopyTo(signed, 0);
        payload.CopyTo(signed.AsSpan(prefix.Length));
        foreach (var secret in secrets)
        {
            var expected = HMACSHA256.HashData(Encoding.UTF8.GetBytes(secret), signed);
            if (signatures.Any(candidate => CryptographicOperations.FixedTimeEquals(candidate, expected))) return true;
        }
        return false;
    }

    private static bool TryHex(string text, out byte[] bytes)
    {
        try
        {
            bytes = Convert.FromHexString(text);
            return true;
        }
        catch (FormatException)
        {
            bytes = [];
            return false;
        }
    }
}
