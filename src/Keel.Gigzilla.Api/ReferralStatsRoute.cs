using Keel.Platform.Billing;
using Keel.Platform.Licensing;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace Keel.Gigzilla.Api;

/// <summary>
/// Seed 000: <c>POST /referral-stats {email}</c> → the user's referral data for the Account page. Differences: the
/// caller also sends <c>licenseKey</c> (as for <c>/verify</c>), and the code is random instead of the seed's
/// base64 of the email, which let anyone read the referrer's address out of a link.
/// Answer: <c>{referralCode, referralLink, totalReferrals, pendingReferrals, creditsEarned, currency}</c>
/// (credits in minor units).
/// </summary>
internal static class ReferralStatsRoute
{
    public static void MapReferralStats(this RouteGroupBuilder gigzilla) => gigzilla.MapPost("/referral-stats", HandleAsync);

    public sealed record Request(string? Email, string? LicenseKey);

    private static async Task<IResult> HandleAsync(Request request, Licenses licenses, ReferralStats stats, CancellationToken ct)
    {
        if (string.IsNullOrWhiteSpace(request.Email)) return TypedResults.BadRequest(new { error = "Email required" });
        if (string.IsNullOrWhiteSpace(request.LicenseKey))
            return TypedResults.Json(new { error = "Proof of ownership required: send licenseKey with the email" }, statusCode: StatusCodes.Status401Unauthorized);
        var result = await licenses.ValidateAsync(request.LicenseKey, null, activate: false, GigzillaModule.Product, ct, request.Email);
        if (result.License is null) return TypedResults.NotFound(new { error = "License not found" });
        return TypedResults.Ok(await stats.ForAsync(result.License.AccountId, GigzillaModule.Product, ct));
    }
}
