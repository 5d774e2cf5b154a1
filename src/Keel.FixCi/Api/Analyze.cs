using System.Security.Claims;
using Keel.FixCi.Analysis;
using Keel.Platform.Auth;
using Keel.Platform.Billing;
using Keel.Platform.Data;
using Keel.Platform.Http;
using Keel.Platform.Organizations;
using Keel.Platform.Usage;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace Keel.FixCi.Api;

/// <summary>
/// Seed 003: <c>POST /analyze</c>. Send a failed log (and optionally the passing log of the same job); get the blocks
/// of lines that explain the failure, best first: <c>{"blocks":[{start, end, category, summary, hint, lines}]}</c>.
/// Each analysis counts against the plan's <c>analyses_per_month</c> (of the account, or of <c>organizationId</c>).
/// </summary>
internal static class Analyze
{
    public static void MapAnalyze(this RouteGroupBuilder fixci) =>
        fixci.MapPost("/analyze", HandleAsync).RequireAuthorization().Produces<Response>()
            .WithSummary("Find the lines that explain a failed CI log");

    public sealed record Request(string? FailLog, string? PassLog, Guid? OrganizationId, string? IdempotencyKey);
    public sealed record Block(int Start, int End, string Category, string Summary, string? Hint, IReadOnlyList<string> Lines);
    public sealed record Response(IReadOnlyList<Block> Blocks, int LineCount, bool UsedPassLog);

    private static async Task<IResult> HandleAsync(Request request, ClaimsPrincipal user, KeelDbContext db, Quotas quotas, CancellationToken ct)
    {
        var validation = new Validation().Check(!string.IsNullOrEmpty(request.FailLog), "failLog", "The failed log is required.")
            .Optional("idempotencyKey", request.IdempotencyKey, 128);
        if (!validation.IsValid) return validation.ToResult();

        var (owner, denied) = await OrganizationAccess.OwnerAsync(db, user, request.OrganizationId, OrganizationRole.Member, ct);
        if (denied is not null) return denied;
        var use = await quotas.UseAsync(owner!, FixCiModule.Product, "analyses_per_month", 1, request.IdempotencyKey ?? Guid.NewGuid().ToString("N"), ct);
        if (!use.Allowed)
            return TypedResults.Problem(statusCode: StatusCodes.Status402PaymentRequired, title: "Plan limit reached",
                detail: $"This month's {use.Standing.Limit} analyses are used. Upgrade the plan, or wait for next month.");

        var result = LogAnalyzer.Analyze(request.FailLog!, request.PassLog);
        return TypedResults.Ok(new Response(
            result.Blocks.Select(b => new Block(b.Start, b.End, b.Category, b.Summary, b.Hint, b.Lines.Select(l => l.Text).ToList())).ToList(),
            result.LineCount, result.UsedPassLog));
    }
}
