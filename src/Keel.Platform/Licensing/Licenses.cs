using Keel.Platform.Accounts;
using Keel.Platform.Audit;
using Keel.Platform.Billing;
using Keel.Platform.Data;
using Keel.Platform.Email;
using Keel.Platform.Email.Templates;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Keel.Platform.Licensing;

/// <summary>Creating, validating and activating licenses; shared by the platform API and the products' seed routes.</summary>
public sealed class Licenses(KeelDbContext db, TimeProvider time, PlanCatalog plans, Mailer mailer, AuditLog audit,
    ValidationCache cache, IOptions<KeelOptions> options)
{
    public sealed record TrialStarted(License License, string Key);

    /// <summary>Starts a card-less trial of the product's trial plan for an email address, creating the account if it is
    /// new, activating the first machine, and mailing the key. Null when that address already has a license for it.</summary>
    public async Task<TrialStarted?> StartTrialAsync(string email, string product, string fingerprint, CancellationToken ct)
    {
        var plan = plans.TrialPlan(product) ?? throw new InvalidOperationException($"The plan catalog has no card-less trial for '{product}'.");
        var normalized = EmailAddress.Normalize(email);
        var account = await db.Accounts.FirstOrDefaultAsync(a => a.NormalizedEmail == normalized, ct);
        if (account is not null && await db.Licenses.AnyAsync(l => l.AccountId == account.Id && l.Product == product, ct)) return null;

        var now = time.GetUtcNow();
        if (account is null)
        {
            // The address is not proven yet: the account exists for the license, and verifies on its first sign-in.
            account = new Account { Id = Ids.New(time), Email = email.Trim(), NormalizedEmail = normalized, CreatedAt = now };
            db.Accounts.Add(account);
            audit.Record(AuditActions.AccountCreated, account.Id, target: $"{product} trial");
        }
        var (license, key) = NewLicense(account.Id, product, plan, LicenseState.Trial, now + TimeSpan.FromDays(plan.TrialDays));
        db.Licenses.Add(license);
        db.Machines.Add(new Machine { Id = Ids.New(time), LicenseId = license.Id, Fingerprint = fingerprint, ActivatedAt = now, LastSeenAt = now });
        audit.Record(AuditActions.LicenseCreated, account.Id, target: $"{product} trial {license.KeyHint}");
        mailer.Queue(account.Email, LicenseEmail.Render(product, key, license.ExpiresAt, options.Value.PublicUrl));
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException)
        {
            return null; // the same address raced itself; the other request created the trial
        }
        return new TrialStarted(license, key);
    }

    /// <summary>Issues a license outside a trial (an administrator's grant, or a subscription that started).</summary>
    public (License License, string Key) Create(Guid accountId, Plan plan, LicenseState state, DateTimeOffset? expiresAt)
    {
        var (license, key) = NewLicense(accountId, plan.Product, plan, state, expiresAt);
        db.Licenses.Add(license);
        return (license, key);
    }

    /// <summary>How precisely a validation records <see cref="Machine.LastSeenAt"/>: an activated machine's time is
    /// written only once this much has passed, so a client validating in a loop does not make every answer a write.</summary>
    internal static readonly TimeSpan LastSeenPrecision = TimeSpan.FromMinutes(1);

    /// <summary>
    /// Validates a key, optionally for one machine. With <paramref name="activate"/>, an unknown fingerprint is
    /// activated when a seat is free (seed 001's behaviour); otherwise it is reported as not activated.
    /// Machines not seen for <see cref="LicensingOptions.MachineInactiveAfter"/> do not hold a seat.
    /// </summary>
    /// <param name="email">When given, the license must belong to this address (seed routes identify by email and key).</param>
    public async Task<LicenseValidation> ValidateAsync(string? key, string? fingerprint, bool activate, string? product, CancellationToken ct,
        string? email = null)
    {
        if (LicenseKeys.Canonical(key) is not { } canonical) return LicenseValidation.NotFound();
        var hash = LicenseKeys.Hash(canonical);
        var now = time.GetUtcNow();
        IDisposable? load = null;
        if (fingerprint is not null)
        {
            if (Remembered() is { } remembered) return remembered;
            load = cache.BeginLoad(hash, fingerprint, out var loading);
            if (loading is not null)
            {
                await loading.WaitAsync(ct);
                if (Remembered() is { } loaded) return loaded;
            }
        }
        using var _ = load;

        LicenseValidation? Remembered() =>
            cache.Find(hash, fingerprint!, now, out var rememberedEmail) is { } answer
            && (email is null || EmailAddress.Normalize(email) == rememberedEmail)
            && (product is null || answer.License!.Product == product)
                ? answer
                : null;

        var epoch = cache.Epoch;
        // The owner's address comes with the license: the email check needs it, and so does the offline token.
        var found = await (from l in db.Licenses
                           join a in db.Accounts on l.AccountId equals a.Id
                           where l.KeyHash == hash
                           select new { License = l, a.Email, a.NormalizedEmail }).FirstOrDefaultAsync(ct);
        if (found is null) return LicenseValidation.NotFound();
        if (email is not null && !string.Equals(EmailAddress.Normalize(email), found.NormalizedEmail, StringComparison.Ordinal))
            return LicenseValidation.NotFound();
        var license = found.License;
        LicenseValidation Answer(bool valid, string code, string detail, Machine? machine, int active) =>
            new(valid, code, detail, license, machine, active) { AccountEmail = found.Email };
        if (product is not null && license.Product != product)
            return Answer(false, LicenseValidation.Codes.ProductMismatch, $"This key is for {license.Product}.", null, 0);

        if (license.SuspendedAt is not null) return Answer(false, LicenseValidation.Codes.Suspended, "The license is suspended.", null, 0);
        if (license.State == LicenseState.Expired || license.ExpiresAt <= now)
            return Answer(false, LicenseValidation.Codes.Expired, "The license has expired.", null, 0);
        if (fingerprint is null)
            return Answer(true, LicenseValidation.Codes.Valid, "The license is valid.", null, 0);

        var activeSince = now - options.Value.Licensing.MachineInactiveAfter;
        // An activated machine takes no new seat (even one back from inactivity: a known machine always validates), so
        // it needs neither the activation lock nor a transaction. A deactivation racing this answer is ordered after it.
        var known = await db.Machines.AsNoTracking().FirstOrDefaultAsync(m => m.LicenseId == license.Id && m.Fingerprint == fingerprint, ct);
        if (known is not null)
        {
            var activeNow = await db.Machines.CountAsync(m => m.LicenseId == license.Id && m.LastSeenAt > activeSince, ct);
            if (known.LastSeenAt <= activeSince) activeNow++;
            if (now - known.LastSeenAt >= LastSeenPrecision)
            {
                // Only forward: of two validations racing, the later time wins.
                await db.Machines.Where(m => m.Id == known.Id && m.LastSeenAt < now)
                    .ExecuteUpdateAsync(s => s.SetProperty(m => m.LastSeenAt, now), ct);
                known.LastSeenAt = now;
            }
            var answer = Answer(true, LicenseValidation.Codes.Valid, "The license is valid.", known, activeNow);
            cache.Remember(hash, fingerprint, found.NormalizedEmail, answer, epoch);
            return answer;
        }

        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        // Serialise activations of one license so two new machines cannot both take the last seat.
        await db.Licenses.Where(l => l.Id == license.Id).ExecuteUpdateAsync(s => s.SetProperty(l => l.UpdatedAt, now), ct);
        var machine = await db.Machines.FirstOrDefaultAsync(m => m.LicenseId == license.Id && m.Fingerprint == fingerprint, ct);
        var active = await db.Machines.CountAsync(m => m.LicenseId == license.Id && m.LastSeenAt > activeSince, ct);
        if (machine is null)
        {
            if (!activate)
                return Answer(false, LicenseValidation.Codes.FingerprintMismatch, "This machine is not activated for the license.", null, active);
            if (active >= license.MaxMachines)
                return Answer(false, LicenseValidation.Codes.TooManyMachines,
                    $"The license is active on {active} of {license.MaxMachines} machines. Deactivate one first.", null, active);
            machine = new Machine { Id = Ids.New(time), LicenseId = license.Id, Fingerprint = fingerprint, ActivatedAt = now, LastSeenAt = now };
            db.Machines.Add(machine);
            active++;
        }
        else
        {
            // Activated by a concurrent request since the read above.
            if (machine.LastSeenAt <= activeSince) active++;
            machine.LastSeenAt = now;
        }
        await db.SaveChangesAsync(ct);
        await transaction.CommitAsync(ct);
        return Answer(true, LicenseValidation.Codes.Valid, "The license is valid.", machine, active);
    }

    public async Task<bool> DeactivateAsync(License license, string fingerprint, CancellationToken ct)
    {
        var removed = await db.Machines.Where(m => m.LicenseId == license.Id && m.Fingerprint == fingerprint).ExecuteDeleteAsync(ct);
        if (removed > 0)
        {
            cache.Invalidate(license.Id);
            audit.Record(AuditActions.MachineDeactivated, license.AccountId, target: $"{license.Product} {license.KeyHint}");
            await db.SaveChangesAsync(ct);
        }
        return removed > 0;
    }

    /// <summary>The state name seed clients know: trial, active, cancelled or expired.</summary>
    public static string SeedStatus(License license) => license.State switch
    {
        LicenseState.Trial => "trial",
        LicenseState.Active or LicenseState.PastDue => "active",
        LicenseState.Canceled => "cancelled",
        _ => "expired",
    };

    private (License, string) NewLicense(Guid accountId, string product, Plan plan, LicenseState state, DateTimeOffset? expiresAt)
    {
        var key = LicenseKeys.New(product);
        var now = time.GetUtcNow();
        return (new License
        {
            Id = Ids.New(time),
            AccountId = accountId,
            Product = product,
            PlanId = plan.Id,
            Tier = plan.Tier,
            KeyHash = LicenseKeys.Hash(key),
            KeyHint = LicenseKeys.Hint(key),
            State = state,
            MaxMachines = plan.MaxDevices,
            ExpiresAt = expiresAt,
            CreatedAt = now,
            UpdatedAt = now,
        }, key);
    }
}
