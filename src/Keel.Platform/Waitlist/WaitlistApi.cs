using Keel.Platform.Accounts;
using Keel.Platform.Data;
using Keel.Platform.Http;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;

namespace Keel.Platform.Waitlist;

internal static class WaitlistApi
{
    /// <summary>The products a landing page can collect sign-ups for.</summary>
    public static readonly string[] Products = ["gigzilla", "studio", "fixci", "market"];

    public static void MapWaitlistApi(this RouteGroupBuilder api) =>
        api.MapPost("/waitlist", JoinAsync).WithTags("Waitlist").AllowAnonymous()
            .Produces<WaitlistResponse>(StatusCodes.Status201Created).Produces<WaitlistResponse>()
            .WithSummary("Join a product's waitlist; joining twice is the same as joining once");

    public sealed record JoinRequest(string? Email, string? Product);
    public sealed record WaitlistResponse(string Email, string Product, DateTimeOffset JoinedAt);

    internal static async Task<IResult> JoinAsync(JoinRequest request, KeelDbContext db, TimeProvider time, CancellationToken ct)
    {
        var validation = new Validation().Email("email", request.Email)
            .Check(request.Product is not null && Products.Contains(request.Product), "product", $"The product is one of: {string.Join(", ", Products)}.");
        if (!validation.IsValid) return validation.ToResult();

        var normalized = EmailAddress.Normalize(request.Email!);
        var existing = await db.Waitlist.AsNoTracking().FirstOrDefaultAsync(w => w.Product == request.Product && w.NormalizedEmail == normalized, ct);
        if (existing is not null) return TypedResults.Ok(new WaitlistResponse(existing.Email, existing.Product, existing.CreatedAt));

        var entry = new WaitlistEntry { Id = Ids.New(time), Email = request.Email!.Trim(), NormalizedEmail = normalized, Product = request.Product!, CreatedAt = time.GetUtcNow() };
        db.Waitlist.Add(entry);
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException)
        {
            // A concurrent request added the same address first: that is the idempotent outcome too.
            db.ChangeTracker.Clear();
            existing = await db.Waitlist.AsNoTracking().SingleAsync(w => w.Product == request.Product && w.NormalizedEmail == normalized, ct);
            return TypedResults.Ok(new WaitlistResponse(existing.Email, existing.Product, existing.CreatedAt));
        }
        return TypedResults.Created((string?)null, new WaitlistResponse(entry.Email, entry.Product, entry.CreatedAt));
    }
}
