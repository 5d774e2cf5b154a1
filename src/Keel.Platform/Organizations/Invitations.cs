using Keel.Platform.Accounts;
using Keel.Platform.Audit;
using Keel.Platform.Data;
using Microsoft.EntityFrameworkCore;

namespace Keel.Platform.Organizations;

/// <summary>Accepting an invitation, shared by the API (signed-in account) and the page the email links to.</summary>
public sealed class Invitations(KeelDbContext db, TimeProvider time, AuditLog audit)
{
    public async Task<Invitation?> FindPendingAsync(string? token, CancellationToken ct)
    {
        if (string.IsNullOrEmpty(token) || token.Length > 100) return null;
        var hash = Auth.Tokens.Hash(token);
        var now = time.GetUtcNow();
        return await db.Invitations.FirstOrDefaultAsync(
            i => i.TokenHash == hash && i.AcceptedAt == null && i.RevokedAt == null && i.ExpiresAt > now, ct);
    }

    /// <summary>Adds the account to the organization (keeping a higher role it may already have) and marks the
    /// invitation used, in one transaction. False when a concurrent request accepted it first.</summary>
    public async Task<bool> AcceptAsync(Invitation invitation, Account account, CancellationToken ct)
    {
        var now = time.GetUtcNow();
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        var claimed = await db.Invitations.Where(i => i.Id == invitation.Id && i.AcceptedAt == null)
            .ExecuteUpdateAsync(s => s.SetProperty(i => i.AcceptedAt, now), ct);
        if (claimed == 0) return false;
        var existing = await db.Memberships.FirstOrDefaultAsync(
            m => m.OrganizationId == invitation.OrganizationId && m.AccountId == account.Id, ct);
        if (existing is null)
            db.Memberships.Add(new Membership { OrganizationId = invitation.OrganizationId, AccountId = account.Id, Role = invitation.Role, JoinedAt = now });
        else if (existing.Role < invitation.Role)
            existing.Role = invitation.Role;
        audit.Record(AuditActions.MemberJoined, account.Id, invitation.OrganizationId, account.Email);
        await db.SaveChangesAsync(ct);
        await transaction.CommitAsync(ct);
        return true;
    }
}
