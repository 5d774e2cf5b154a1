namespace Keel.Platform;

/// <summary>Configuration of the platform, bound from the <c>Keel</c> section (environment: <c>Keel__...</c>).</summary>
public sealed class KeelOptions
{
    public const string Section = "Keel";

    /// <summary>Where the embedded defaults keep their files (SQLite database, mail drop, keys).</summary>
    public string DataDirectory { get; set; } = "data";

    /// <summary>The address users reach this server at; used in links inside emails.</summary>
    public string PublicUrl { get; set; } = "http://localhost:5080";

    /// <summary>Base64 of at least 32 random bytes; every key of the server derives from it. Required when several
    /// instances share a database; otherwise one is generated into the data directory.</summary>
    public string? Secret { get; set; }

    public DatabaseOptions Database { get; set; } = new();

    /// <summary>StackExchange.Redis configuration string; when set, rate limits are shared through Redis.</summary>
    public string? Redis { get; set; }

    public SmtpOptions Smtp { get; set; } = new();

    public EmailOptions Email { get; set; } = new();

    public AuthOptions Auth { get; set; } = new();

    public LimitsOptions Limits { get; set; } = new();

    public BillingOptions Billing { get; set; } = new();

    public StripeOptions Stripe { get; set; } = new();

    public LicensingOptions Licensing { get; set; } = new();
}

public sealed class BillingOptions
{
    /// <summary>The plan catalog; empty means the <c>plans.json</c> shipped with the server.</summary>
    public string? PlansFile { get; set; }
    /// <summary>Days a canceled subscription keeps working (seed 001: 7).</summary>
    public int GraceDays { get; set; } = 7;
    /// <summary>What a paid-off referral credits to each side, in minor units (seed 000: EUR 9).</summary>
    public long ReferralCreditAmount { get; set; } = 900;
    public string ReferralCreditCurrency { get; set; } = "eur";
}

public sealed class StripeOptions
{
    /// <summary>The secret API key (sk_live_... / sk_test_...). Without it, billing is off: nothing pretends to take money.</summary>
    public string? SecretKey { get; set; }
    /// <summary>Stripe's API address; tests point it at a local Stripe-compatible server.</summary>
    public string ApiBase { get; set; } = "https://api.stripe.com";
    /// <summary>Webhook signing secrets (whsec_...). Several may be listed while an endpoint's secret is rolled.</summary>
    public List<string> WebhookSecrets { get; set; } = [];
    /// <summary>Accepted clock difference between Stripe's signature timestamp and ours.</summary>
    public TimeSpan SignatureTolerance { get; set; } = TimeSpan.FromMinutes(5);

    public bool IsConfigured => !string.IsNullOrWhiteSpace(SecretKey);
}

public sealed class LicensingOptions
{
    /// <summary>How long an offline token lets a client work without reaching the server (seed 000: 7 days).</summary>
    public TimeSpan OfflineTokenLifetime { get; set; } = TimeSpan.FromDays(7);
    /// <summary>A machine not seen for this long no longer counts against the device limit (Keygen's dead-machine rule).</summary>
    public TimeSpan MachineInactiveAfter { get; set; } = TimeSpan.FromDays(30);
}

public enum DatabaseProvider
{
    Sqlite,
    Postgres,
}

public sealed class DatabaseOptions
{
    public DatabaseProvider Provider { get; set; } = DatabaseProvider.Sqlite;

    /// <summary>Defaults to a SQLite file <c>keel.db</c> inside <see cref="KeelOptions.DataDirectory"/>.</summary>
    public string? ConnectionString { get; set; }

    /// <summary>Apply pending migrations when the server starts (the <c>migrate</c> command does it explicitly).</summary>
    public bool MigrateOnStartup { get; set; } = true;
}

public sealed class SmtpOptions
{
    /// <summary>When empty, mail is written as .eml files under the data directory instead of being sent.</summary>
    public string? Host { get; set; }
    public int Port { get; set; } = 587;
    public string? Username { get; set; }
    public string? Password { get; set; }
    /// <summary>None, Auto, SslOnConnect or StartTls (MailKit's SecureSocketOptions).</summary>
    public string Security { get; set; } = "Auto";
}

public sealed class EmailOptions
{
    public string From { get; set; } = "Keel <noreply@localhost>";
    /// <summary>How often the outbox is polled when nothing signals new mail.</summary>
    public TimeSpan PollInterval { get; set; } = TimeSpan.FromSeconds(5);
    /// <summary>Longest wait between two delivery attempts of the same message.</summary>
    public TimeSpan MaxBackoff { get; set; } = TimeSpan.FromMinutes(10);
}

public sealed class AuthOptions
{
    public TimeSpan JwtLifetime { get; set; } = TimeSpan.FromHours(1);
    public TimeSpan SessionLifetime { get; set; } = TimeSpan.FromDays(30);
    public TimeSpan MagicLinkLifetime { get; set; } = TimeSpan.FromMinutes(10);
    public TimeSpan InvitationLifetime { get; set; } = TimeSpan.FromDays(7);
}

public sealed class LimitsOptions
{
    public long MaxRequestBodyBytes { get; set; } = 1024 * 1024;
    public RateLimitRule Login { get; set; } = new(3, TimeSpan.FromMinutes(15));
    public RateLimitRule LoginPerIp { get; set; } = new(30, TimeSpan.FromMinutes(15));
    public RateLimitRule MagicLinkVerify { get; set; } = new(10, TimeSpan.FromMinutes(15));
    public RateLimitRule Api { get; set; } = new(100, TimeSpan.FromMinutes(1));
    public RateLimitRule Anonymous { get; set; } = new(60, TimeSpan.FromMinutes(1));
}

/// <summary>At most <see cref="Permits"/> requests per <see cref="Window"/>.</summary>
public sealed class RateLimitRule
{
    public RateLimitRule() { }

    public RateLimitRule(int permits, TimeSpan window)
    {
        Permits = permits;
        Window = window;
    }

    public int Permits { get; set; }
    public TimeSpan Window { get; set; }
}
