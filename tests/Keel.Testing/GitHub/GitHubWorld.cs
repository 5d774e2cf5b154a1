using System.Security.Cryptography;

namespace Keel.Testing.GitHub;

/// <summary>Everything the fake GitHub knows; every access holds <see cref="Gate"/>.</summary>
sealed class GitHubWorld(string appId, string appSlug, RSA appPublicKey, TimeProvider time)
{
    public object Gate { get; } = new();
    public string AppId { get; } = appId;
    public string AppSlug { get; } = appSlug;
    public RSA AppPublicKey { get; } = appPublicKey;
    public TimeProvider Time { get; } = time;
    public TimeSpan TokenLifetime { get; set; } = TimeSpan.FromHours(1);
    public int MaxPageSize { get; set; } = 100;
    public HashSet<long> Installations { get; } = [];
    public Dictionary<long, (string Login, string Type)> InstallationAccounts { get; } = [];
    /// <summary>The app's OAuth client, once <see cref="FakeGitHub.EnableUserAuthorization"/> set it.</summary>
    public OAuthClient? OAuth { get; set; }
    /// <summary>Every code presented to the token exchange, accepted or not.</summary>
    public List<string> CodeExchanges { get; } = [];
    public Dictionary<string, RepositoryRecord> Repositories { get; } = new(StringComparer.OrdinalIgnoreCase);
    public Dictionary<string, (long InstallationId, DateTimeOffset ExpiresAt)> Tokens { get; } = new(StringComparer.Ordinal);
    /// <summary>Old full name → new full name of renamed repositories.</summary>
    public Dictionary<string, string> Renamed { get; } = new(StringComparer.OrdinalIgnoreCase);
    public Dictionary<string, (string Text, DateTimeOffset ExpiresAt)> Blobs { get; } = new(StringComparer.Ordinal);
    public List<GitHubRequest> Requests { get; } = [];
    public int TokensIssued { get; set; }

    long nextId = 1000;

    public long NextId() => ++nextId;

    public DateTimeOffset Now => Time.GetUtcNow();

    public static string RandomToken(string prefix, int length) =>
        prefix + RandomNumberGenerator.GetString("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789", length);
}

/// <summary>The app's OAuth client: its credentials, the codes handed out by the (simulated) authorization page, and
/// the user tokens issued for them, each with the installations its user can access.</summary>
sealed class OAuthClient(string clientId, string clientSecret)
{
    public string ClientId { get; } = clientId;
    public string ClientSecret { get; } = clientSecret;
    public Dictionary<string, (long[] Installations, DateTimeOffset ExpiresAt)> Codes { get; } = new(StringComparer.Ordinal);
    public Dictionary<string, long[]> UserTokens { get; } = new(StringComparer.Ordinal);
}
