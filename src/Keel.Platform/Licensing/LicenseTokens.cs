using Keel.Platform.Data;
using Microsoft.EntityFrameworkCore;

namespace Keel.Platform.Licensing;

/// <summary>Turns a validation into the API's answer, with an offline token when a machine validated.</summary>
public sealed class LicenseTokens(KeelDbContext db, OfflineTokens tokens)
{
    internal async Task<LicensesApi.ValidationResponse> RespondAsync(LicenseValidation result, CancellationToken ct)
    {
        if (result.License is not { } license) return new(false, result.Code, result.Detail, null, null, null);
        var summary = new LicensesApi.LicenseSummary(license.Id, license.Product, license.Tier, license.State.ToString().ToLowerInvariant(),
            license.ExpiresAt, license.MaxMachines, result.ActiveMachines);
        if (!result.Valid || result.Machine is null) return new(result.Valid, result.Code, result.Detail, summary, null, null);
        var (token, expiresAt) = await IssueAsync(license, result.Machine.Fingerprint, ct, result.AccountEmail);
        return new(true, result.Code, result.Detail, summary, token, expiresAt);
    }

    /// <param name="accountEmail">The owner's address when the caller already has it (<see cref="LicenseValidation.AccountEmail"/>);
    /// read from the account otherwise.</param>
    public async Task<(string Token, DateTimeOffset ExpiresAt)> IssueAsync(License license, string? fingerprint, CancellationToken ct,
        string? accountEmail = null)
    {
        var email = accountEmail ?? await db.Accounts.Where(a => a.Id == license.AccountId).Select(a => a.Email).SingleAsync(ct);
        return await tokens.IssueAsync(new OfflineTokenClaims(license.Id, license.Product, email, Licenses.SeedStatus(license), license.Tier,
            license.StripeCustomerId, license.StripeSubscriptionId, fingerprint), ct);
    }
}
