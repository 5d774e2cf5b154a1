namespace Keel.Gigzilla.App.Web.License;

/// <summary>What the license allows right now.</summary>
internal enum LicenseMode
{
    /// <summary>No license yet: the activation screen.</summary>
    NeedsActivation,

    /// <summary>Valid: everything works.</summary>
    Active,

    /// <summary>Ended, or unconfirmed for over 7 days: the user's data stays viewable and exportable, changes are refused.</summary>
    ReadOnly,
}

/// <param name="Message">Why the app is read-only, worded for the user.</param>
internal sealed record LicenseState(LicenseMode Mode, LicenseRecord? Record, string? Message);

/// <summary>
/// Seed 001's LicenseManager in the app: starts a trial or activates a key, keeps the license in the store, checks the
/// signed offline token on every request (offline for up to its 7 days), and re-validates once a day when online.
/// </summary>
internal sealed class LicenseGate(Workspace workspace, LicenseServer server)
{
    public static readonly TimeSpan RevalidateEvery = TimeSpan.FromHours(24);

    private readonly SemaphoreSlim refreshing = new(1, 1);

    public LicenseState Current()
    {
        var record = workspace.Use(LicenseStorage.Load);
        if (record is null)
        {
            return new LicenseState(LicenseMode.NeedsActivation, null, null);
        }

        if (record.EndedReason is { } reason)
        {
            return new LicenseState(LicenseMode.ReadOnly, record, $"Your Gigzilla subscription has ended ({reason}). Your data stays here: you can view and export it; to make changes again, upgrade.");
        }

        return OfflineToken.Verify(record.Token, record.Jwks, workspace.Clock.GetUtcNow()) is null
            ? new LicenseState(LicenseMode.ReadOnly, record, "Gigzilla could not confirm your license for over 7 days. Connect to the internet and check again; your data stays viewable and exportable.")
            : new LicenseState(LicenseMode.Active, record, null);
    }

    /// <summary>Seed 001's start-trial, then a first validation that activates this device. Returns an error to show, or null.</summary>
    public async Task<string?> StartTrialAsync(string email, CancellationToken ct)
    {
        email = email.Trim();
        if (email.Length == 0)
        {
            return "Enter your email to start the trial.";
        }

        var machineId = NewMachineId();
        var trial = await server.StartTrialAsync(email, machineId, ct);
        if (trial is null)
        {
            return $"Could not reach the license server at {server.ApiUrl}. Check your connection and try again.";
        }

        if (!trial.Success || trial.LicenseKey is null)
        {
            return trial.Error is "Email already registered"
                ? "This email already has a license: paste the license key from your email instead."
                : trial.Error ?? "The trial could not be started.";
        }

        return await ActivateAsync(email, trial.LicenseKey, machineId, ct);
    }

    /// <summary>Activates a pasted license key on this device. Returns an error to show, or null.</summary>
    public Task<string?> ActivateKeyAsync(string email, string key, CancellationToken ct)
    {
        if (email.Trim().Length == 0 || key.Trim().Length == 0)
        {
            return Task.FromResult<string?>("Enter the email and the license key from your email.");
        }

        var machineId = workspace.Use(LicenseStorage.Load)?.MachineId is { Length: > 0 } known ? known : NewMachineId();
        return ActivateAsync(email.Trim(), key.Trim(), machineId, ct);
    }

    /// <summary>Validates with the server when due (every 24 hours) or when <paramref name="force"/>; offline, nothing changes.</summary>
    public async Task RefreshAsync(bool force, CancellationToken ct)
    {
        await refreshing.WaitAsync(ct);
        try
        {
            var record = workspace.Use(LicenseStorage.Load);
            var now = workspace.Clock.GetUtcNow();
            if (record is null || (!force && record.LastCheckedAt is { } checkedAt && now - checkedAt < RevalidateEvery))
            {
                return;
            }

            var answer = await server.ValidateAsync(record, ct);
            if (answer is null)
            {
                return;
            }

            var updated = await ApplyAsync(record, answer, ct);
            workspace.Use(store =>
            {
                LicenseStorage.Save(store, updated);
                return true;
            });
        }
        finally
        {
            refreshing.Release();
        }
    }

    private async Task<string?> ActivateAsync(string email, string key, string machineId, CancellationToken ct)
    {
        var record = new LicenseRecord { Email = email, LicenseKey = key, MachineId = machineId };
        var answer = await server.ValidateAsync(record, ct);
        if (answer is null)
        {
            return $"Could not reach the license server at {server.ApiUrl}. Check your connection and try again.";
        }

        if (!answer.Valid)
        {
            return answer.Reason switch
            {
                "Device limit reached" => "This license is already active on its maximum number of devices. Deactivate one from your account, or upgrade.",
                "License expired" => "This license has expired. Renew it to use it on this device.",
                _ => answer.Reason ?? "This license key is not valid for that email.",
            };
        }

        var activated = await ApplyAsync(record, answer, ct);
        if (OfflineToken.Verify(activated.Token, activated.Jwks, workspace.Clock.GetUtcNow()) is null)
        {
            return "The license server's answer could not be verified with its published key.";
        }

        workspace.Use(store =>
        {
            LicenseStorage.Save(store, activated);
            return true;
        });
        return null;
    }

    private async Task<LicenseRecord> ApplyAsync(LicenseRecord record, LicenseServer.ValidateAnswer answer, CancellationToken ct)
    {
        var now = workspace.Clock.GetUtcNow();
        if (!answer.Valid)
        {
            // A device limit is not the end of the subscription; the token still covers its 7 days.
            return answer.Code == "TOO_MANY_MACHINES"
                ? record with { LastCheckedAt = now }
                : record with { LastCheckedAt = now, EndedReason = (answer.Reason ?? "not valid").ToLowerInvariant(), Status = answer.Code?.ToLowerInvariant() ?? "expired" };
        }

        var jwks = OfflineToken.Verify(answer.Token, record.Jwks, now) is null ? await server.JwksAsync(ct) ?? record.Jwks : record.Jwks;
        return record with
        {
            Token = answer.Token,
            Jwks = jwks,
            Status = answer.Status ?? "",
            Tier = answer.Tier,
            ValidUntil = answer.ValidUntil,
            LastValidatedAt = now,
            LastCheckedAt = now,
            EndedReason = null,
        };
    }

    private static string NewMachineId() => Guid.NewGuid().ToString("N");
}
