using Keel.Gigzilla.Settings;
using Keel.Gigzilla.Store;

namespace Keel.Gigzilla.Tests.Store;

public sealed class StoreTests : IDisposable
{
    private readonly TestWorkspace workspace = new();

    [Fact]
    public void A_new_store_uses_wal_with_full_sync_and_records_its_schema_version()
    {
        using var store = workspace.OpenStore();

        store.Scalar("PRAGMA journal_mode").ShouldBe("wal");
        store.Scalar("PRAGMA synchronous").ShouldBe(2L);
        store.Scalar("PRAGMA foreign_keys").ShouldBe(1L);
        store.Scalar("SELECT MAX(version) FROM schema_version").ShouldBe((long)StoreMigrations.CurrentVersion);
        File.Exists(Path.Combine(workspace.Directory, GigzillaStore.FileName)).ShouldBeTrue();
    }

    [Fact]
    public void Reopening_a_store_keeps_its_data_and_applies_each_migration_once()
    {
        using (var store = workspace.OpenStore())
        {
            workspace.AddProject(store, "Logo for Acme Corp, €1,500");
        }

        using var reopened = workspace.OpenStore();

        reopened.Scalar("SELECT COUNT(*) FROM schema_version").ShouldBe((long)StoreMigrations.All.Count);
        reopened.Scalar("SELECT title FROM projects").ShouldBe("Logo");
        reopened.Scalar("PRAGMA integrity_check").ShouldBe("ok");
    }

    [Fact]
    public void A_store_from_a_newer_gigzilla_is_refused_rather_than_guessed_at()
    {
        using (var store = workspace.OpenStore())
        {
            store.Write<int>(() => store.Execute("INSERT INTO schema_version (version, applied_at) VALUES (999, 'later')"));
        }

        Should.Throw<InvalidOperationException>(() => workspace.OpenStore()).Message.ShouldContain("newer");
    }

    [Fact]
    public void A_failed_use_case_leaves_nothing_behind()
    {
        using var store = workspace.OpenStore();

        var outcome = store.Write<int>(() =>
        {
            store.Execute("INSERT INTO clients (id, name, created_at, updated_at) VALUES ('c1', 'Acme', 'now', 'now')");
            return new Failure("changed my mind");
        });

        outcome.Succeeded.ShouldBeFalse();
        store.Scalar("SELECT COUNT(*) FROM clients").ShouldBe(0L);
    }

    [Fact]
    public void Amounts_are_stored_exactly_as_decimal_text()
    {
        using var store = workspace.OpenStore();

        workspace.AddProject(store, "Audit for Helix Bio, 1.234,56 €");

        store.Scalar("SELECT amount FROM projects").ShouldBe("1234.56");
        store.Scalar("SELECT typeof(amount) FROM projects").ShouldBe("text");
    }

    [Fact]
    public void Settings_default_to_seed_001_and_are_saved_as_json()
    {
        using var store = workspace.OpenStore();

        var defaults = SettingsDocuments.LoadSettings(store);
        defaults.Currency.ShouldBe("EUR");
        defaults.InvoiceNumberFormat.ShouldBe("INV-{YYYY}-{###}");
        defaults.InvoiceStartNumber.ShouldBe(1);
        defaults.InvoiceResetYearly.ShouldBeTrue();
        defaults.InvoiceDueDays.ShouldBe(14);
        defaults.ReminderSchedule.ShouldBe([3, 0, -3, -7]);
        defaults.DefaultReminderStrategy.ShouldBe("standard");
        defaults.QuietHoursStart.ShouldBe("22:00");
        defaults.BackupKeepCount.ShouldBe(30);
        defaults.Notifications["paymentReceived"].ShouldBe(["desktop", "whatsapp"]);

        SettingsDocuments.SaveSettings(store, defaults with { Currency = "USD", InvoiceDueDays = 30 });

        var saved = SettingsDocuments.LoadSettings(store);
        saved.Currency.ShouldBe("USD");
        saved.InvoiceDueDays.ShouldBe(30);
        ((string)store.Scalar("SELECT json FROM settings")!).ShouldContain("\"invoiceDueDays\":30");
    }

    [Fact]
    public void The_profile_round_trips()
    {
        using var store = workspace.OpenStore();

        SettingsDocuments.SaveProfile(store, new Profile { Name = "Ana Lima", Email = "ana@example.com", BrandColor = "#ff6600" });

        SettingsDocuments.LoadProfile(store).ShouldBe(new Profile { Name = "Ana Lima", Email = "ana@example.com", BrandColor = "#ff6600" });
    }

    [Theory]
    [InlineData("/tmp/from-option", "/tmp/from-env", "/tmp/from-option")]
    [InlineData(null, "/tmp/from-env", "/tmp/from-env")]
    public void The_data_option_wins_over_the_environment_variable(string? option, string? variable, string expected)
    {
        DataDirectory.Resolve(option, name => name == DataDirectory.EnvironmentVariable ? variable : null).ShouldBe(expected);
    }

    [Fact]
    public void Without_option_or_variable_the_store_lives_in_the_application_data_folder()
    {
        DataDirectory.Resolve(null, _ => null).ShouldEndWith(Path.DirectorySeparatorChar + "Gigzilla");
    }

    public void Dispose() => workspace.Dispose();
}
