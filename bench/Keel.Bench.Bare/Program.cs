// The bare reference for the bench scripts: Kestrel and minimal-API routing answering JSON bodies of the shape and
// size of Keel's answers, with no authentication, no database and no middleware. Whatever Keel costs on top of this
// is the price of its pipeline, key authentication, the rate-limit check and its queries.
//   GET  /api/v1/me                  bench/auth-overhead.sh
//   POST /gigzilla/api/validate      bench/license-validate.sh (seed 001's validate, with an offline token)
//   POST /api/v1/licenses/validate   bench/license-validate.sh (the platform's validate, with an offline token)
//   GET  /dashboard                  bench/web-dashboard.sh (a fixed HTML page of the dashboard's size)

using System.Text;

var builder = WebApplication.CreateSlimBuilder(args);
builder.Logging.SetMinimumLevel(LogLevel.Warning);
var app = builder.Build();

// The same values /me answers for the account the script registers (bench@keel.test, no organizations), so the
// two bodies differ only in the id and timestamp digits.
var me = new MeResponse(Guid.Parse("019ab0c4-5e2f-7d3a-9b1c-2f4e6a8b0c1d"), "bench@keel.test", null, false, false, true,
    new DateTimeOffset(2026, 11, 23, 9, 30, 0, 123, TimeSpan.Zero).AddTicks(4567), []);
app.MapGet("/api/v1/me", () => TypedResults.Ok(me));

// The validate routes read the request body as Keel's do and answer a fixed body of the size Keel answers for the
// trial license bench/license-validate.sh creates, including a token of an ES256 JWT's length (a header, the claims
// Keel signs and a 64-byte signature, base64url-encoded; not signed: the bare endpoint must not pay for signing).
var licenseId = Guid.Parse("019ab0c4-6a1b-7c2d-8e3f-4a5b6c7d8e9f");
var validUntil = new DateTimeOffset(2026, 12, 7, 10, 30, 0, 456, TimeSpan.Zero).AddTicks(7891);
var tokenExpiresAt = new DateTimeOffset(2026, 12, 7, 10, 30, 0, 456, TimeSpan.Zero).AddTicks(1234);
string Token(string machine) =>
    Base64Url("""{"alg":"ES256","kid":"20261123-0a1b2c3d","typ":"JWT"}""") + "." +
    Base64Url($$"""{"iss":"keel","aud":"gigzilla","sub":"{{licenseId}}","iat":1795343400,"nbf":1795343400,"exp":1796553000,"email":"bench@keel.test","status":"trial","tier":"free","product":"gigzilla","machine":"{{machine}}","licenseId":"{{licenseId}}"}""") + "." +
    Convert.ToBase64String(new byte[64]).TrimEnd('=').Replace('+', '-').Replace('/', '_');
var seedAnswer = new SeedValidResponse(true, "trial", "free", validUntil, "VALID", Token("bench-machine-0001"), tokenExpiresAt);
var nativeAnswer = new ValidationResponse(true, "VALID", "The license is valid.",
    new LicenseSummary(licenseId, "gigzilla", "free", "trial", validUntil, 2, 2), Token("bench-machine-0002"), tokenExpiresAt);
app.MapPost("/gigzilla/api/validate", (SeedValidateRequest request) =>
    string.IsNullOrWhiteSpace(request.LicenseKey) ? Results.BadRequest() : TypedResults.Ok(seedAnswer));
app.MapPost("/api/v1/licenses/validate", (ValidateRequest request) =>
    string.IsNullOrWhiteSpace(request.Key) ? Results.BadRequest() : TypedResults.Ok(nativeAnswer));

// The dashboard's size and shape as one fixed string: what serving HTML costs without a session, queries or rendering.
var dashboard = Encoding.UTF8.GetBytes("<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\"><title>Dashboard · Keel</title>"
    + "<link rel=\"stylesheet\" href=\"/assets/keel.css\"></head><body><main>"
    + string.Concat(Enumerable.Range(0, 32).Select(i => $"<tr><td><a href=\"/dashboard/organizations/{i}\">Organization {i}</a></td><td>owner</td></tr>"))
    + "</main></body></html>");
app.MapGet("/dashboard", () => TypedResults.Bytes(dashboard, "text/html; charset=utf-8"));

app.Run();

static string Base64Url(string json) => Convert.ToBase64String(Encoding.UTF8.GetBytes(json)).TrimEnd('=').Replace('+', '-').Replace('/', '_');

internal sealed record MembershipDto(Guid Id, string Name, string Role);

internal sealed record MeResponse(Guid Id, string Email, string? DisplayName, bool IsAdmin, bool EmailVerified, bool HasPassword,
    DateTimeOffset CreatedAt, IReadOnlyList<MembershipDto> Organizations);

internal sealed record SeedValidateRequest(string? Email, string? LicenseKey, string? MachineId);

internal sealed record SeedValidResponse(bool Valid, string Status, string Tier, DateTimeOffset? ValidUntil, string Code, string Token,
    DateTimeOffset TokenExpiresAt);

internal sealed record ValidateRequest(string? Key, string? Fingerprint);

internal sealed record LicenseSummary(Guid Id, string Product, string Tier, string State, DateTimeOffset? ExpiresAt, int MaxMachines, int ActiveMachines);

internal sealed record ValidationResponse(bool Valid, string Code, string Detail, LicenseSummary? License, string? Token, DateTimeOffset? TokenExpiresAt);
