using Keel.Platform.Accounts;
using Keel.Platform.Audit;
using Keel.Platform.Data;
using Keel.Platform.Email;
using Keel.Platform.Email.Templates;
using Microsoft.AspNetCore.Http;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Keel.Platform.Auth;

/// <summary>What every way of signing in has in common: a session row, the cookie, the audit event.</summary>
public sealed class SignIn(KeelDbContext db, TimeProvider time, IOptions<KeelOptions> options, AuditLog audit, Mailer mailer)
{
    public async Task StartSessionAsync(HttpContext http, Account account, string method, CancellationToken ct)
    {
        var token = Tokens.New();
        var now = time.GetUtcNow();
        var expires = now + options.Value.Auth.SessionLifetime;
        var userAgent = http.Request.Headers.UserAgent.ToString();
        db.Sessions.Add(new Session
        {
            Id = Ids.New(time),
            AccountId = account.Id,
            TokenHash = Tokens.Hash(token),
            CreatedAt = now,
            ExpiresAt = expires,
            UserAgent = userAgent.Length > 300 ? userAgent[..300] : userAgent,
        });
        account.LastSignInAt = now;
        audit.Record(AuditActions.SignIn, account.Id, target: method);
        await db.SaveChangesAsync(ct);
        SessionCookie.Set(http.Response, token, expires);
    }

    /// <summary>
    /// The account for an address the caller has just proved to own (a magic link or an invitation came back from
    /// it). Creates the account, with a welcome email, if there is none yet. Not saved: the caller saves.
    /// </summary>
    public async Task<Account> FindOrCreateVerifiedAsync(string email, CancellationToken ct)
    {
        var normalized = EmailAddress.Normalize(email);
        var now = time.GetUtcNow();
        var account = await db.Accounts.FirstOrDefaultAsync(a => a.NormalizedEmail == normalized, ct);
        if (account is null)
        {
            account = new Account { Id = Ids.New(time), Email = email.Trim(), NormalizedEmail = normalized, CreatedAt = now, EmailVerifiedAt = now };
            db.Accounts.Add(account);
            audit.Record(AuditActions.AccountCreated, account.Id, target: "magic-link");
            mailer.Queue(account.Email, WelcomeEmail.Render(options.Value.PublicUrl));
        }
        account.EmailVerifiedAt ??= now;
        return account;
    }
}
