using System.Buffers.Binary;
using System.Security.Cryptography;
using Keel.Platform.Data;

namespace Keel.FixCi.Installations;

/// <summary>
/// The <c>state</c> carried through GitHub's install page to the Setup URL: which organization the installation is to
/// be linked to, by whom, until when, signed with a key derived from the server secret. It only says what the signed-in
/// user asked for; that they control the installation is proven separately, by GitHub's OAuth code.
/// </summary>
internal sealed class InstallState(ServerSecrets secrets, TimeProvider time)
{
    public static readonly TimeSpan Lifetime = TimeSpan.FromHours(1);
    private const int PayloadLength = 16 + 16 + 8;

    public string Create(Guid organizationId, Guid accountId, out DateTimeOffset expiresAt)
    {
        expiresAt = time.GetUtcNow() + Lifetime;
        var payload = new byte[PayloadLength];
        organizationId.TryWriteBytes(payload.AsSpan(0, 16));
        accountId.TryWriteBytes(payload.AsSpan(16, 16));
        BinaryPrimitives.WriteInt64BigEndian(payload.AsSpan(32), expiresAt.ToUnixTimeSeconds());
        return Base64Url(payload) + "." + Base64Url(Sign(payload));
    }

    /// <summary>The organization and account the state was made for; null when it is malformed, forged or expired.</summary>
    public (Guid OrganizationId, Guid AccountId)? Read(string? state)
    {
        if (state is null || state.Length > 200 || state.Split('.') is not [var payloadText, var signatureText]) return null;
        byte[] payload, signature;
        try
        {
            payload = FromBase64Url(payloadText);
            signature = FromBase64Url(signatureText);
        }
        catch (FormatException)
        {
            return null;
        }
        if (payload.Length != PayloadLength || !CryptographicOperations.FixedTimeEquals(signature, Sign(payload))) return null;
        var expires = DateTimeOffset.FromUnixTimeSeconds(BinaryPrimitives.ReadInt64BigEndian(payload.AsSpan(32)));
        if (expires <= time.GetUtcNow()) return null;
        return (new Guid(payload.AsSpan(0, 16)), new Guid(payload.AsSpan(16, 16)));
    }

    private byte[] Sign(byte[] payload) => HMACSHA256.HashData(secrets.DeriveKey("fixci:install-state"), payload);

    private static string Base64Url(byte[] bytes) => Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');

    private static byte[] FromBase64Url(string text)
    {
        var padded = text.Replace('-', '+').Replace('_', '/');
        return Convert.FromBase64String(padded + new string('=', (4 - padded.Length % 4) % 4));
    }
}
