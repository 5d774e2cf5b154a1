using System.Buffers;
using System.Security.Cryptography;
using System.Text;

namespace Keel.FixCi.GitHub;

/// <summary>
/// Checks <c>X-Hub-Signature-256</c>: <c>sha256=</c> followed by the hex HMAC-SHA256 of the raw request body keyed
/// with the webhook secret. Several secrets are accepted so the secret can be rotated without losing deliveries.
/// </summary>
internal static class WebhookSignature
{
    public const string HeaderName = "X-Hub-Signature-256";
    private const string Prefix = "sha256=";

    /// <summary>The header value GitHub sends for <paramref name="body"/> signed with <paramref name="secret"/>.</summary>
    public static string Compute(ReadOnlySpan<byte> body, string secret) =>
        Prefix + Convert.ToHexStringLower(HMACSHA256.HashData(Encoding.UTF8.GetBytes(secret), body));

    /// <summary>
    /// True when <paramref name="header"/> is a well-formed signature of <paramref name="body"/> under any of
    /// <paramref name="secrets"/>. Compares in constant time; a missing or malformed header is simply invalid.
    /// </summary>
    public static bool IsValid(ReadOnlySpan<byte> body, string? header, IEnumerable<string> secrets)
    {
        ArgumentNullException.ThrowIfNull(secrets);
        if (header is null || !header.StartsWith(Prefix, StringComparison.Ordinal) || header.Length != Prefix.Length + 64)
        {
            return false;
        }

        Span<byte> expected = stackalloc byte[32];
        if (Convert.FromHexString(header.AsSpan(Prefix.Length), expected, out _, out var written) != OperationStatus.Done || written != 32)
        {
            return false;
        }

        Span<byte> actual = stackalloc byte[32];
        var valid = false;
        foreach (var secret in secrets)
        {
            if (string.IsNullOrEmpty(secret))
            {
                continue;
            }

            HMACSHA256.HashData(Encoding.UTF8.GetBytes(secret), body, actual);
            // No early exit: every configured secret is tried, so timing does not reveal which one matched.
            valid |= CryptographicOperations.FixedTimeEquals(actual, expected);
        }
        return valid;
    }
}
