namespace Keel.FixCi.GitHub;

/// <summary>How FixCI talks to GitHub as a GitHub App.</summary>
public sealed class GitHubAppOptions
{
    /// <summary>The App ID shown on the app's settings page; the <c>iss</c> of the app JWT.</summary>
    public string AppId { get; set; } = "";

    /// <summary>The app's private key, PEM (PKCS#1 as GitHub downloads it, or PKCS#8).</summary>
    public string PrivateKeyPem { get; set; } = "";

    /// <summary>Webhook secrets accepted for <c>X-Hub-Signature-256</c>; list the new and the old one while rotating.</summary>
    public IList<string> WebhookSecrets { get; set; } = [];

    /// <summary>REST API root: <c>https://api.github.com</c>, or <c>https://HOST/api/v3</c> for GitHub Enterprise Server.</summary>
    public Uri ApiBaseUrl { get; set; } = new("https://api.github.com");

    /// <summary>Web root for the install page and the OAuth code exchange: <c>https://github.com</c>, or the GHES host.</summary>
    public Uri WebBaseUrl { get; set; } = new("https://github.com");

    /// <summary>The app's URL name (<c>github.com/apps/{slug}</c>): where users install it.</summary>
    public string AppSlug { get; set; } = "";

    /// <summary>The app's OAuth client id and secret. With "Request user authorization (OAuth) during installation"
    /// on, GitHub sends the installing user back with a code; linking an installation to an organization needs both.</summary>
    public string ClientId { get; set; } = "";

    /// <inheritdoc cref="ClientId"/>
    public string ClientSecret { get; set; } = "";

    /// <summary>Where the Setup URL sends the browser after linking (a path of this server, or an absolute URL), with
    /// <c>fixci_installation={id}</c> added: by default the dashboard's FixCI section, which says what was linked.</summary>
    public string SetupRedirect { get; set; } = "/dashboard/fixci";

    public string UserAgent { get; set; } = "Keel-FixCI";

    /// <summary>How often a job log that answers 404 (the job has not finished yet) is requested before giving up.</summary>
    public int LogAttempts { get; set; } = 6;

    /// <summary>Wait before the second request of a 404 log; doubles for each further attempt.</summary>
    public TimeSpan LogRetryDelay { get; set; } = TimeSpan.FromSeconds(2);
}
