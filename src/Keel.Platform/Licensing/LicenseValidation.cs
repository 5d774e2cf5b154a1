namespace Keel.Platform.Licensing;

/// <summary>
/// The answer to "may this copy run?", with a code a client can act on. Codes and their order follow Keygen's
/// validation model: NOT_FOUND, SUSPENDED, EXPIRED, then machine scope (FINGERPRINT_SCOPE_REQUIRED,
/// FINGERPRINT_SCOPE_MISMATCH, TOO_MANY_MACHINES), then VALID.
/// </summary>
public sealed record LicenseValidation(bool Valid, string Code, string Detail, License? License, Machine? Machine, int ActiveMachines)
{
    public static class Codes
    {
        public const string Valid = "VALID";
        public const string NotFound = "NOT_FOUND";
        public const string Suspended = "SUSPENDED";
        public const string Expired = "EXPIRED";
        public const string FingerprintRequired = "FINGERPRINT_SCOPE_REQUIRED";
        public const string FingerprintMismatch = "FINGERPRINT_SCOPE_MISMATCH";
        public const string TooManyMachines = "TOO_MANY_MACHINES";
        public const string ProductMismatch = "PRODUCT_SCOPE_MISMATCH";
    }

    /// <summary>The license owner's address, read with the license (null when no license was found).</summary>
    public string? AccountEmail { get; init; }

    public static LicenseValidation NotFound() => new(false, Codes.NotFound, "No license matches this key.", null, null, 0);

    /// <summary>The license's own standing, without a machine: suspended, expired or valid.</summary>
    public static LicenseValidation Evaluate(License license, DateTimeOffset now) =>
        license.SuspendedAt is not null ? new(false, Codes.Suspended, "The license is suspended.", license, null, 0)
        : license.State == LicenseState.Expired || license.ExpiresAt <= now ? new(false, Codes.Expired, "The license has expired.", license, null, 0)
        : new(true, Codes.Valid, "The license is valid.", license, null, 0);
}
