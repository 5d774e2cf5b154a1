namespace Keel.Gigzilla.App.Web.License;

/// <summary>The license as this install knows it, kept in the local store.</summary>
internal sealed record LicenseRecord
{
    public string Email { get; init; } = "";

    public string LicenseKey { get; init; } = "";

    /// <summary>This install's random device id, sent as seed 001's <c>machineId</c>.</summary>
    public string MachineId { get; init; } = "";

    /// <summary>The last ES256 offline token; valid for 7 days after the last successful validation.</summary>
    public string? Token { get; init; }

    /// <summary>The server's JWKS when the token was issued, to verify it offline.</summary>
    public string? Jwks { get; init; }

    public string Status { get; init; } = "";

    public string? Tier { get; init; }

    public DateTimeOffset? ValidUntil { get; init; }

    public DateTimeOffset? LastValidatedAt { get; init; }

    /// <summary>When the server last answered, valid or not; re-validation is due 24 hours later.</summary>
    public DateTimeOffset? LastCheckedAt { get; init; }

    /// <summary>The server said the license has ended (expired, cancelled past grace, suspended, not found).</summary>
    public string? EndedReason { get; init; }
}
