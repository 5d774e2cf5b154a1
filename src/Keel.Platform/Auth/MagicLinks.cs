using Keel.Platform.Accounts;
using Keel.Platform.Data;
using Keel.Platform.Email;
using Keel.Platform.Email.Templates;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Keel.Platform.Auth;

/// <summary>Single-use sign-in links: valid for ten minutes, stored only as a hash, redeemed at most once even when
/// two requests race (the redeeming update is conditional on the link being unused).</summary>
public sealed class MagicLinks(KeelDbContext db, TimeProvider time, IOptions<KeelOptions> options, Mailer mailer, SignIn signIn)
{
    public async Task SendAsync(string email, CancellationToken ct)
    {
        var token = Tokens.New();
        var now = time.GetUtcNow();
        var lifetime = options.Value.Auth.MagicLinkLifetime;
        db.MagicLinks.Add(new MagicLink
        {
            Id = Ids.New(time),
            NormalizedEmail = EmailAddress.Normalize(email),
            TokenHash = Tokens.Hash(token),
            CreatedAt = now,
            ExpiresAt = now + lifetime,
        });
        var url = $"{options.Value.PublicUrl.TrimEnd('/')}/auth/magic?token={Uri.EscapeDataString(token)}";
        mailer.Queue(email.Trim(), MagicLinkEmail.Render(url, lifetime));
        await db.SaveChangesAsync(ct);
    }

    /// <summary>Consumes the link and returns the (possibly new) account, or null when the link is unknown, used or expired.</summary>
    public async Task<Account?> RedeemAsync(string? token, CancellationToken ct)
    {
        if (string.IsNullOrEmpty(token) || token.Length > 100) return null;
        var hash = Tokens.Hash(token);
        var now = time.GetUtcNow();
        var link = await db.MagicLinks.AsNoTracking()
            .FirstOrDefaultAsync(m => m.TokenHash == hash && m.UsedAt == null && m.ExpiresAt > now, ct);
        if (link is null) return null;

        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        var consumed = await db.MagicLinks.Where(m => m.Id == link.Id && m.UsedAt == null)
            .ExecuteUpdateAsync(s => s.SetProperty(m => m.UsedAt, now), ct);
        if (consumed == 0) return null;
        var account = await signIn.FindOrCreateVerifiedAsync(link.NormalizedEmail, ct);
        await db.SaveChangesAsync(ct);
        await transaction.CommitAsync(ct);
        return account;
    }
}
