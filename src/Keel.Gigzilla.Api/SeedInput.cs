using Keel.Platform.Licensing;

namespace Keel.Gigzilla.Api;

/// <summary>Input checks shared by the seed routes, answered in the seeds' own error vocabulary.</summary>
internal static class SeedInput
{
    public static string? Invalid(string email, string? machineId)
    {
        if (email.Length > 254 || !System.Net.Mail.MailAddress.TryCreate(email.Trim(), out var parsed) || parsed.Address != email.Trim())
            return "Invalid email";
        if (machineId is { Length: > MaxMachineId }) return "Machine ID too long";
        return null;
    }

    /// <summary>Seed 001's client sends a 32-character hash; anything within the platform's fingerprint limit is accepted.</summary>
    public const int MaxMachineId = 256;
}
