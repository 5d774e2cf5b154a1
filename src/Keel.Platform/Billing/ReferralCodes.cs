using System.Security.Cryptography;
using Keel.Platform.Accounts;
using Keel.Platform.Data;
using Microsoft.EntityFrameworkCore;

namespace Keel.Platform.Billing;

/// <summary>
/// Each account's referral code: 8 random Crockford base32 characters, assigned on first use. Unlike seed 000's
/// base64 of the email, the code reveals nothing about its owner.
/// </summary>
public sealed class ReferralCodes(KeelDbContext db)
{
    private const string Alphabet = "0123456789ABCDEFGHJKMNPQRSTVWXYZ";

    public async Task<string> ForAsync(Guid accountId, CancellationToken ct)
    {
        for (var attempt = 0; ; attempt++)
        {
            var account = await db.Accounts.SingleAsync(a => a.Id == accountId, ct);
            if (account.ReferralCode is { } existing) return existing;
            account.ReferralCode = New();
            try
            {
                await db.SaveChangesAsync(ct);
                return account.ReferralCode;
            }
            catch (DbUpdateException) when (attempt < 3)
            {
                // A collision of 40 random bits, or a concurrent request that assigned one first: read again.
                db.ChangeTracker.Clear();
            }
        }
    }

    public async Task<Account?> OwnerAsync(string? code, CancellationToken ct)
    {
        if (string.IsNullOrWhiteSpace(code) || code.Length > 16) return null;
        var normalized = code.Trim().ToUpperInvariant();
        return await db.Accounts.AsNoTracking().FirstOrDefaultAsync(a => a.ReferralCode == normalized, ct);
    }

    private static string New() => string.Create(8, 0, (chars, _) =>
    {
        for (var i = 0; i < chars.Length; i++) chars[i] = Alphabet[RandomNumberGenerator.GetInt32(Alphabet.Length)];
    });
}
