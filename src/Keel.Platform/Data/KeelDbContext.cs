using Keel.Platform.Accounts;
using Keel.Platform.ApiKeys;
using Keel.Platform.Audit;
using Keel.Platform.Auth;
using Keel.Platform.Billing;
using Keel.Platform.Email;
using Keel.Platform.Licensing;
using Keel.Platform.Organizations;
using Keel.Platform.Usage;
using Keel.Platform.Waitlist;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;

namespace Keel.Platform.Data;

/// <summary>
/// The one database model of a Keel server. The host derives one context per provider (so each provider has its
/// own migrations) and adds the product modules' entity configurations in <see cref="OnModelCreating"/>.
/// </summary>
public abstract class KeelDbContext(DbContextOptions options) : DbContext(options)
{
    public DbSet<Account> Accounts => Set<Account>();
    public DbSet<Session> Sessions => Set<Session>();
    public DbSet<MagicLink> MagicLinks => Set<MagicLink>();
    public DbSet<ApiKey> ApiKeys => Set<ApiKey>();
    public DbSet<Organization> Organizations => Set<Organization>();
    public DbSet<Membership> Memberships => Set<Membership>();
    public DbSet<Invitation> Invitations => Set<Invitation>();
    public DbSet<OutboxMessage> OutboxMessages => Set<OutboxMessage>();
    public DbSet<WaitlistEntry> Waitlist => Set<WaitlistEntry>();
    public DbSet<AuditEvent> AuditEvents => Set<AuditEvent>();
    public DbSet<License> Licenses => Set<License>();
    public DbSet<Machine> Machines => Set<Machine>();
    public DbSet<SigningKey> SigningKeys => Set<SigningKey>();
    public DbSet<Subscription> Subscriptions => Set<Subscription>();
    public DbSet<StripeEventRecord> StripeEvents => Set<StripeEventRecord>();
    public DbSet<BillingCustomer> BillingCustomers => Set<BillingCustomer>();
    public DbSet<ReferralCredit> ReferralCredits => Set<ReferralCredit>();
    public DbSet<UsageRecord> UsageRecords => Set<UsageRecord>();
    public DbSet<UsageAlert> UsageAlerts => Set<UsageAlert>();

    protected override void OnModelCreating(ModelBuilder modelBuilder) =>
        modelBuilder.ApplyConfigurationsFromAssembly(typeof(KeelDbContext).Assembly);

    protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder)
    {
        // SQLite has no date type: EF stores DateTimeOffset as text and cannot compare or order it in SQL.
        // All our times are UTC, so the binary form (ticks) keeps their order.
        if (Database.IsSqlite())
            configurationBuilder.Properties<DateTimeOffset>().HaveConversion<DateTimeOffsetToBinaryConverter>();
    }
}
