using System.Collections.Concurrent;
using System.Security.Cryptography;

namespace Keel.FixCi.GitHub;

/// <summary>
/// Installation access tokens, one per installation, fetched with the app JWT and reused until five minutes before
/// GitHub's <c>expires_at</c>. Safe to share: concurrent callers for one installation wait for a single request.
/// </summary>
internal sealed class InstallationTokens : IDisposable
{
    /// <summary>A token is replaced this long before it expires, so a job never starts with a token about to die.</summary>
    public static readonly TimeSpan RefreshMargin = TimeSpan.FromMinutes(5);

    private readonly GitHubApi api;
    private readonly string appId;
    private readonly RSA privateKey;
    private readonly TimeProvider time;
    private readonly ConcurrentDictionary<long, InstallationToken> cache = new();
    private readonly ConcurrentDictionary<long, SemaphoreSlim> gates = new();

    public InstallationTokens(GitHubApi api, GitHubAppOptions options, TimeProvider time)
    {
        ArgumentNullException.ThrowIfNull(options);
        if (string.IsNullOrWhiteSpace(options.AppId) || string.IsNullOrWhiteSpace(options.PrivateKeyPem))
        {
            throw new ArgumentException("GitHub App options need AppId and PrivateKeyPem (the app's settings page shows the id and generates the key).", nameof(options));
        }

        this.api = api;
        this.time = time;
        appId = options.AppId;
        privateKey = RSA.Create();
        try
        {
            privateKey.ImportFromPem(options.PrivateKeyPem);
        }
        catch (ArgumentException e)
        {
            privateKey.Dispose();
            throw new ArgumentException("GitHubAppOptions.PrivateKeyPem is not an RSA private key in PEM form.", nameof(options), e);
        }
    }

    /// <summary>A valid token for the installation, from the cache or freshly issued.</summary>
    public async Task<string> GetAsync(long installationId, CancellationToken cancellationToken = default)
    {
        if (Fresh(installationId) is { } cached)
        {
            return cached;
        }

        var gate = gates.GetOrAdd(installationId, _ => new SemaphoreSlim(1, 1));
        await gate.WaitAsync(cancellationToken);
        try
        {
            if (Fresh(installationId) is { } raced)
            {
                return raced;
            }

            var jwt = AppJwt.Create(appId, privateKey, time.GetUtcNow());
            var token = await api.CreateInstallationTokenAsync(jwt, installationId, cancellationToken);
            cache[installationId] = token;
            return token.Value;
        }
        finally
        {
            gate.Release();
        }
    }

    /// <summary>Drops the cached token, e.g. after GitHub answered 401 because the installation was suspended.</summary>
    public void Forget(long installationId) => cache.TryRemove(installationId, out _);

    public void Dispose() => privateKey.Dispose();

    private string? Fresh(long installationId) =>
        cache.TryGetValue(installationId, out var token) && time.GetUtcNow() < token.ExpiresAt - RefreshMargin ? token.Value : null;
}
