using System.Net.Mail;
using Keel.Platform.Data;

namespace Keel.Platform.Accounts;

public static class EmailAddress
{
    public static string Normalize(string email) => email.Trim().ToLowerInvariant();

    /// <summary>A plain <c>local@domain.tld</c> address: no display name, no whitespace, at most 254 characters.</summary>
    public static bool IsValid(string? email)
    {
        if (string.IsNullOrWhiteSpace(email)) return false;
        email = email.Trim();
        if (email.Length > Limits.Email || email.Any(char.IsWhiteSpace) || email.Any(char.IsControl)) return false;
        var at = email.LastIndexOf('@');
        if (at <= 0 || at == email.Length - 1 || email.IndexOf('@') != at) return false;
        var domain = email[(at + 1)..];
        if (!domain.Contains('.') || domain.StartsWith('.') || domain.EndsWith('.') || domain.Contains("..")) return false;
        return MailAddress.TryCreate(email, out var parsed) && parsed.Address == email && parsed.DisplayName.Length == 0;
    }
}
