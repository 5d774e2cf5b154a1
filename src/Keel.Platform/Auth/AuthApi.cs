using System.Collections.Concurrent;
using System.Security.Claims;
using Keel.Platform.Accounts;
using Keel.Platform.Audit;
using Keel.Platform.Data;
using Keel.Platform.Email;
using Keel.Platform.Email.Templates;
using Keel.Platform.Http;
using Keel.Platform.Organizations;
using Keel.Platform.RateLimiting;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Keel.Platform.Auth;

internal static class AuthApi
{
    public static void MapAuthApi(this RouteGroupBuilder api)
    {
        var auth = api.MapGroup("/auth").WithTags("Sign-in").AllowAnonymous();
        auth.MapPost("/register", RegisterAsync).Produces<MeResponse>(StatusCodes.Status201Created)
            .WithSummary("Create an account with email and password, and sign in");
        auth.MapPost("/login", LoginAsync).Produces<MeResponse>().WithSummary("Sign in with email and password (sets the session cookie)");
        auth.MapPost("/token", TokenAsync).Produces<TokenResponse>().WithSummary("Exchange email and password for a JWT access token");
        auth.MapPost("/logout", LogoutAsync).Produces(StatusCodes.Status204NoContent).WithSummary("End the browser session");
        auth.MapPost("/magic-link", RequestMagicLinkAsync).Produces(StatusCodes.Status202Accepted)
            .WithSummary("Email a single-use sign-in link (valid 10 minutes)");
        auth.MapPost("/magic-link/verify", VerifyMagicLinkAsync).Produces<MeResponse>()
            .WithSummary("Redeem a sign-in link's token: creates the account if new, and signs in");

        api.MapGet("/me", MeAsync).WithTags("Account").Produces<MeResponse>().WithSummary("The signed-in account and its organizations");
        api.MapPut("/me/password", ChangePasswordAsync).WithTags("Account").Produces(StatusCodes.Status204NoContent)
            .WithSummary("Set or change the password (the current one is required when there is one)");
    }

    public sealed record RegisterRequest(string? Email, string? Password, string? DisplayName);
    public sealed record LoginRequest(string? Email, string? Password);
    public sealed record MagicLinkRequest(string? Email);
    public sealed record VerifyRequest(string? Token);
    public sealed record ChangePasswordRequest(string? CurrentPassword, string? NewPassword);
    public sealed record TokenResponse(string AccessToken, string TokenType, int ExpiresIn);
    public sealed record MembershipDto(Guid Id, string Name, string Role);
    public sealed record MeResponse(Guid Id, string Email, string? DisplayName, bool IsAdmin, bool EmailVerified, bool HasPassword,
        DateTimeOffset CreatedAt, IReadOnlyList<MembershipDto> Organizations);

    internal static async Task<IResult> RegisterAsync(RegisterRequest request, HttpContext http, KeelDbContext db, TimeProvider time,
        SignIn signIn, Mailer mailer, AuditLog audit, IOptions<KeelOptions> options, RateLimits limits, CancellationToken ct)
    {
        var validation = new Validation().Email("email", request.Email).Password("password", request.Password)
            .Optional("displayName", request.DisplayName, Limits.Name);
        if (!validation.IsValid) return validation.ToResult();
        var ipDecision = await limits.AcquireAsync("login-ip", RateLimits.ClientIp(http), options.Value.Limits.LoginPerIp);
        if (!ipDecision.IsAllowed) return ipDecision.ToResult(http);

        var normalized = EmailAddress.Normalize(request.Email!);
        if (await db.Accounts.AnyAsync(a => a.NormalizedEmail == normalized, ct))
            return Problems.Conflict("An account with this email already exists. Sign in, or ask for a sign-in link.");

        var account = new Account
        {
            Id = Ids.New(time),
            Email = request.Email!.Trim(),
            NormalizedEmail = normalized,
            DisplayName = string.IsNullOrWhiteSpace(request.DisplayName) ? null : request.DisplayName.Trim(),
            PasswordHash = Passwords.Hash(request.Password!),
            CreatedAt = time.GetUtcNow(),
        };
        db.Accounts.Add(account);
        audit.Record(AuditActions.AccountCreated, account.Id, target: "password");
        mailer.Queue(account.Email, WelcomeEmail.Render(options.Value.PublicUrl));
        try
        {
            await signIn.StartSessionAsync(http, account, "password", ct);
        }
        catch (DbUpdateException)
        {
            // Two registrations of one address raced; the unique index let only one through.
            return Problems.Conflict("An account with this email already exists. Sign in, or ask for a sign-in link.");
        }
        return TypedResults.Created("/api/v1/me", await MeResponseAsync(db, account, ct));
    }

    internal static async Task<IResult> LoginAsync(LoginRequest request, HttpContext http, KeelDbContext db, SignIn signIn,
        AuditLog audit, RateLimits limits, IOptions<KeelOptions> options, CancellationToken ct)
    {
        var (account, denied) = await CheckPasswordAsync(request, http, db, audit, limits, options.Value, ct);
        if (denied is not null) return denied;
        await signIn.StartSessionAsync(http, account!, "password", ct);
        return TypedResults.Ok(await MeResponseAsync(db, account!, ct));
    }

    private static async Task<IResult> TokenAsync(LoginRequest request, HttpContext http, KeelDbContext db, AccessTokens tokens,
        AuditLog audit, RateLimits limits, IOptions<KeelOptions> options, TimeProvider time, CancellationToken ct)
    {
        var (account, denied) = await CheckPasswordAsync(request, http, db, audit, limits, options.Value, ct);
        if (denied is not null) return denied;
        account!.LastSignInAt = time.GetUtcNow();
        audit.Record(AuditActions.SignIn, account.Id, target: "jwt");
        await db.SaveChangesAsync(ct);
        return TypedResults.Ok(new TokenResponse(tokens.Issue(account), "Bearer", (int)tokens.Lifetime.TotalSeconds));
    }

    /// <summary>Both limits apply before the password is checked: 3 attempts per email per window (whatever their
    /// outcome, so a guesser gets 3 tries) and a wider limit per client IP.</summary>
    private static async Task<(Account? Account, IResult? Denied)> CheckPasswordAsync(LoginRequest request, HttpContext http,
        KeelDbContext db, AuditLog audit, RateLimits limits, KeelOptions options, CancellationToken ct)
    {
        var validation = new Validation().Email("email", request.Email).Check(!string.IsNullOrEmpty(request.Password), "password", "A password is required.")
            .Optional("password", request.Password, Limits.Password);
        if (!validation.IsValid) return (null, validation.ToResult());

        var normalized = EmailAddress.Normalize(request.Email!);
        var ipDecision = await limits.AcquireAsync("login-ip", RateLimits.ClientIp(http), options.Limits.LoginPerIp);
        if (!ipDecision.IsAllowed) return (null, ipDecision.ToResult(http));
        var decision = await limits.AcquireAsync("login", normalized, options.Limits.Login);
        if (!decision.IsAllowed) return (null, decision.ToResult(http));

        var account = await db.Accounts.FirstOrDefaultAsync(a => a.NormalizedEmail == normalized, ct);
        if (!Passwords.Verify(account, request.Password!))
        {
            if (account is not null)
            {
                audit.Record(AuditActions.SignInFailed, account.Id, target: "password");
                await db.SaveChangesAsync(ct);
            }
            return (null, Problems.Unauthorized("Email or password is incorrect."));
        }
        return (account, null);
    }

    internal static async Task<IResult> LogoutAsync(HttpContext http, KeelDbContext db, AuditLog audit, TimeProvider time, CancellationToken ct)
    {
        if (http.Request.Cookies.TryGetValue(SessionCookie.Name, out var token) && token.Length is > 0 and <= 100)
        {
            var hash = Tokens.Hash(token);
            var session = await db.Sessions.FirstOrDefaultAsync(s => s.TokenHash == hash && s.RevokedAt == null, ct);
            if (session is not null)
            {
                session.RevokedAt = time.GetUtcNow();
                audit.Record(AuditActions.SignOut, session.AccountId);
                await db.SaveChangesAsync(ct);
            }
        }
        SessionCookie.Clear(http.Response);
        return TypedResults.NoContent();
    }

    internal static async Task<IResult> RequestMagicLinkAsync(MagicLinkRequest request, HttpContext http, MagicLinks magicLinks,
        RateLimits limits, IOptions<KeelOptions> options, CancellationToken ct)
    {
        var validation = new Validation().Email("email", request.Email);
        if (!validation.IsValid) return validation.ToResult();
        var ipDecision = await limits.AcquireAsync("login-ip", RateLimits.ClientIp(http), options.Value.Limits.LoginPerIp);
        if (!ipDecision.IsAllowed) return ipDecision.ToResult(http);
        var decision = await limits.AcquireAsync("magic-link", EmailAddress.Normalize(request.Email!), options.Value.Limits.Login);
        if (!decision.IsAllowed) return decision.ToResult(http);

        await magicLinks.SendAsync(request.Email!, ct);
        // The same answer whether or not an account exists, so this endpoint does not reveal who has one.
        return TypedResults.Accepted((string?)null, new { message = "If the address can receive mail, a sign-in link is on its way. It expires in 10 minutes." });
    }

    internal static async Task<IResult> VerifyMagicLinkAsync(VerifyRequest request, HttpContext http, KeelDbContext db, MagicLinks magicLinks,
        SignIn signIn, RateLimits limits, IOptions<KeelOptions> options, CancellationToken ct)
    {
        var decision = await limits.AcquireAsync("magic-verify", RateLimits.ClientIp(http), options.Value.Limits.MagicLinkVerify);
        if (!decision.IsAllowed) return decision.ToResult(http);
        var account = await magicLinks.RedeemAsync(request.Token, ct);
        if (account is null) return Problems.Unauthorized("This sign-in link is invalid, was already used, or has expired. Ask for a new one.");
        await signIn.StartSessionAsync(http, account, "magic-link", ct);
        return TypedResults.Ok(await MeResponseAsync(db, account, ct));
    }

    /// <summary>
    /// The account's fields and its organizations in one round trip, compiled: API clients call this endpoint more
    /// than any other, and compiling skips EF's per-call expression walk and cache lookup. A compiled query sticks to
    /// the provider of the first context it runs on, and one process (the test suite) can hold both a SQLite and a
    /// PostgreSQL context, so there is one per context type. The organization's name is a scalar subquery rather than
    /// a join so that SQLite seeks the memberships' AccountId index instead of materialising every membership.
    /// </summary>
    private static readonly ConcurrentDictionary<Type, Func<KeelDbContext, Guid, CancellationToken, Task<MeRow?>>> FindMe = new();

    private static Func<KeelDbContext, Guid, CancellationToken, Task<MeRow?>> CompileFindMe() => EF.CompileAsyncQuery(
        (KeelDbContext db, Guid id, CancellationToken ct) => db.Accounts.AsNoTracking()
            .Where(a => a.Id == id)
            .Select(a => new MeRow(a.Id, a.Email, a.DisplayName, a.IsAdmin, a.EmailVerifiedAt != null, a.PasswordHash != null, a.CreatedAt,
                db.Memberships
                    .Where(m => m.AccountId == a.Id)
                    .Select(m => new OrganizationRow(m.OrganizationId,
                        db.Organizations.Where(o => o.Id == m.OrganizationId).Select(o => o.Name).First(), m.Role))
                    .ToList()))
            .FirstOrDefault());

    internal static async Task<IResult> MeAsync(ClaimsPrincipal user, KeelDbContext db, CancellationToken ct)
    {
        var findMe = FindMe.GetOrAdd(db.GetType(), static _ => CompileFindMe());
        var me = await findMe(db, user.AccountIdOf(), ct);
        return me is null
            ? Problems.NotFound("Account")
            : TypedResults.Ok(new MeResponse(me.Id, me.Email, me.DisplayName, me.IsAdmin, me.EmailVerified, me.HasPassword,
                me.CreatedAt, MembershipsOf(me.Organizations)));
    }

    private static async Task<IResult> ChangePasswordAsync(ChangePasswordRequest request, ClaimsPrincipal user, KeelDbContext db,
        AuditLog audit, CancellationToken ct)
    {
        var validation = new Validation().Password("newPassword", request.NewPassword).Optional("currentPassword", request.CurrentPassword, Limits.Password);
        if (!validation.IsValid) return validation.ToResult();
        var id = user.AccountIdOf();
        var account = await db.Accounts.FirstOrDefaultAsync(a => a.Id == id, ct);
        if (account is null) return Problems.NotFound("Account");
        if (account.PasswordHash is not null && !Passwords.Verify(account, request.CurrentPassword ?? ""))
            return Problems.Invalid("currentPassword", "The current password is incorrect.");
        account.PasswordHash = Passwords.Hash(request.NewPassword!);
        audit.Record(AuditActions.PasswordChanged, account.Id);
        await db.SaveChangesAsync(ct);
        return TypedResults.NoContent();
    }

    internal static async Task<MeResponse> MeResponseAsync(KeelDbContext db, Account account, CancellationToken ct)
    {
        var organizations = await db.Memberships.AsNoTracking()
            .Where(m => m.AccountId == account.Id)
            .Join(db.Organizations, m => m.OrganizationId, o => o.Id, (m, o) => new OrganizationRow(o.Id, o.Name, m.Role))
            .ToListAsync(ct);
        return new MeResponse(account.Id, account.Email, account.DisplayName, account.IsAdmin, account.EmailVerifiedAt is not null,
            account.PasswordHash is not null, account.CreatedAt, MembershipsOf(organizations));
    }

    private sealed record MeRow(Guid Id, string Email, string? DisplayName, bool IsAdmin, bool EmailVerified, bool HasPassword,
        DateTimeOffset CreatedAt, List<OrganizationRow> Organizations);

    private sealed record OrganizationRow(Guid Id, string Name, OrganizationRole Role);

    private static List<MembershipDto> MembershipsOf(List<OrganizationRow> organizations) =>
        organizations.OrderBy(o => o.Name, StringComparer.OrdinalIgnoreCase)
            .Select(o => new MembershipDto(o.Id, o.Name, o.Role.ToString().ToLowerInvariant())).ToList();
}
