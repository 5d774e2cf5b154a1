using Microsoft.AspNetCore.Identity;

namespace Keel.Platform.Accounts;

/// <summary>ASP.NET Core Identity's hasher (PBKDF2-HMAC-SHA512, 100,000 iterations, per-hash salt).</summary>
internal static class Passwords
{
    private static readonly PasswordHasher<Account> Hasher = new();

    // Verifying against this when the account does not exist keeps the answer time the same, so response times
    // do not reveal which emails have accounts.
    private static readonly string DecoyHash = Hasher.HashPassword(null!, "decoy password that never matches");

    public static string Hash(string password) => Hasher.HashPassword(null!, password);

    public static bool Verify(Account? account, string password)
    {
        if (account?.PasswordHash is not { } hash)
        {
            Hasher.VerifyHashedPassword(null!, DecoyHash, password);
            return false;
        }
        return Hasher.VerifyHashedPassword(account, hash, password) != PasswordVerificationResult.Failed;
    }
}
