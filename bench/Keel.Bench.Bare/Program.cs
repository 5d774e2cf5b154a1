// The bare reference for bench/auth-overhead.sh: Kestrel and minimal-API routing answering a JSON body of the shape
// and size of GET /api/v1/me, with no authentication, no database and no middleware. Whatever Keel's /me costs on
// top of this is the price of its pipeline, key authentication, the rate-limit check and the account query.

var builder = WebApplication.CreateSlimBuilder(args);
builder.Logging.SetMinimumLevel(LogLevel.Warning);
var app = builder.Build();

// The same values /me answers for the account the script registers (bench@keel.test, no organizations), so the
// two bodies differ only in the id and timestamp digits.
var me = new MeResponse(Guid.Parse("019ab0c4-5e2f-7d3a-9b1c-2f4e6a8b0c1d"), "bench@keel.test", null, false, false, true,
    new DateTimeOffset(2026, 11, 23, 9, 30, 0, 123, TimeSpan.Zero).AddTicks(4567), []);
app.MapGet("/api/v1/me", () => TypedResults.Ok(me));

app.Run();

internal sealed record MembershipDto(Guid Id, string Name, string Role);

internal sealed record MeResponse(Guid Id, string Email, string? DisplayName, bool IsAdmin, bool EmailVerified, bool HasPassword,
    DateTimeOffset CreatedAt, IReadOnlyList<MembershipDto> Organizations);
