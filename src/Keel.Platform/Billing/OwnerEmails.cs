using Keel.Platform.Data;
using Keel.Platform.Organizations;
using Microsoft.EntityFrameworkCore;

namespace Keel.Platform.Billing;

/// <summary>Who hears about an owner's billing and usage: the account itself, or an organization's owners.</summary>
internal static class OwnerEmails
{
    public static async Task<List<string>> ForAsync(KeelDbContext db, string owner, CancellationToken ct)
    {
        var separator = owner.IndexOf(':');
        if (separator < 0 || !Guid.TryParse(owner[(separator + 1)..], out var id)) return [];
        return owner[..separator] == "account"
            ? await db.Accounts.Where(a => a.Id == id).Select(a => a.Email).ToListAsync(ct)
            : await db.Memberships.Where(m => m.OrganizationId == id && m.Role == OrganizationRole.Owner)
                .Join(db.Accounts, m => m.AccountId, a => a.Id, (m, a) => a.Email).ToListAsync(ct);
    }
}
