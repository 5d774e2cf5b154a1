namespace Keel.FixCi.GitHub;

/// <summary>An installation access token and when GitHub stops accepting it.</summary>
internal sealed record InstallationToken(string Value, DateTimeOffset ExpiresAt)
{
    public override string ToString() => $"installation token expiring {ExpiresAt:O}";
}
