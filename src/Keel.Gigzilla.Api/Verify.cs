using Keel.Platform.Billing;
using Keel.Platform.Licensing;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace Keel.Gigzilla.Api;

/// <summary>
/// Seed 000: <c>POST /verify {email}</c> → a 7-day subscription token and the subscription status. Closing the
/// seed's hole: the seed gave a token to anyone who knew an email. The caller now also proves ownership, with the
/// <c>sessionId</c> of the Checkout it just completed (seed 000's success redirect) or the <c>licenseKey</c>; the token is ES256-signed (not HMAC), so the app verifies it offline with the published public key.
/// Answer: <c>{valid, email, status, tier, token, expiresAt}</c>, or <c>{valid: false, error}</c>.
/// </summary>
internal static class Verify
{
    public static void MapVerify(this RouteGroupBuilder gigzilla) => gigzilla.MapPost("/verify", HandleAsync);

    public sealed record Request(string? Email, string? LicenseKey, string? SessionId);

    private static async Task<IResult> HandleAsync(Request request, Licenses licenses, LicenseTokens tokens, CheckoutProof checkout,
        TimeProvider time, CancellationToken ct)
    {
        if (string.IsNullOrWhiteSpace(request.Email)) return TypedResults.BadRequest(new { valid = false, error = "Email required" });
        if (string.IsNullOrWhiteSpace(request.LicenseKey) && string.IsNullOrWhiteSpace(request.SessionId))
            return TypedResults.Json(new { valid = false, error = "Proof of ownership required: send the Checkout sessionId or the licenseKey with the email" },
                statusCode: StatusCodes.Status401Unauthorized);

        LicenseValidation result;
        if (!string.IsNullOrWhiteSpace(request.LicenseKey))
        {
            result = await licenses.ValidateAsync(request.LicenseKey, null, activate: false, GigzillaModule.Product, ct, request.Email);
        }
        else
        {
            var license = await checkout.LicenseForAsync(request.SessionId!, request.Email, GigzillaModule.Product, ct);
            result = license is null ? LicenseValidation.NotFound() : LicenseValidation.Evaluate(license, time.GetUtcNow());
        }
        if (result.License is null) return TypedResults.NotFound(new { valid = false, error = "No subscription for this email and key" });
        if (!result.Valid) return TypedResults.Ok(new { valid = false, email = request.Email.Trim(), status = Licenses.SeedStatus(result.License), error = result.Detail });

        var (token, expiresAt) = await tokens.IssueAsync(result.License, null, ct);
        return TypedResults.Ok(new
        {
            valid = true,
            email = request.Email.Trim(),
            status = Licenses.SeedStatus(result.License),
            tier = result.License.Tier,
            token,
            expiresAt,
        });
    }
}
