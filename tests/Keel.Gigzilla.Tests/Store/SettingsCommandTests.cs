using Keel.Gigzilla.Settings;

namespace Keel.Gigzilla.Tests.Store;

public sealed class SettingsCommandTests : IDisposable
{
    private readonly TestWorkspace workspace = new();

    [Fact]
    public void A_changed_setting_is_saved_and_used()
    {
        workspace.Run("settings", "set", "invoiceNumberFormat", "{YYYY}-{####}").ExitCode.ShouldBe(0);
        workspace.Run("settings", "set", "INVOICEDUEDAYS", "30").ExitCode.ShouldBe(0);
        workspace.Run("settings", "set", "currency", "USD").ExitCode.ShouldBe(0);
        workspace.Run("add", "Logo for Acme Corp, 500").Out.ShouldStartWith("Created: Logo for Acme Corp · $500");
        workspace.Run("invoice", "create", "Logo");

        workspace.Run("invoice", "send", "Logo").Out.ShouldStartWith("Sent 2026-0001 · $500 · due Mar 3");
        using var store = workspace.OpenStore();
        SettingsDocuments.LoadSettings(store).InvoiceDueDays.ShouldBe(30);
    }

    [Theory]
    [InlineData("colour", "blue", "unknown setting 'colour'")]
    [InlineData("invoiceDueDays", "soon", "takes a whole number")]
    [InlineData("invoiceDueDays", "-1", "cannot be negative")]
    [InlineData("invoiceResetYearly", "maybe", "takes true or false")]
    [InlineData("currency", "euro", "not an ISO code")]
    [InlineData("invoiceNumberFormat", "INV-{###}", "has no year")]
    [InlineData("backupKeepCount", "0", "must be at least 1")]
    [InlineData("reminderSchedule", "3", "cannot change")]
    public void A_bad_value_is_refused_and_nothing_changes(string name, string value, string message)
    {
        var (exitCode, _, error) = workspace.Run("settings", "set", name, value);

        exitCode.ShouldBe(1);
        error.ShouldContain(message);
        using var store = workspace.OpenStore();
        store.Scalar("SELECT COUNT(*) FROM settings").ShouldBe(0L);
    }

    [Fact]
    public void Settings_lists_every_setting()
    {
        var output = workspace.Run("settings").Out;

        output.ShouldContain("invoiceNumberFormat");
        output.ShouldContain("\"INV-{YYYY}-{###}\"");
        output.ShouldContain("backupKeepCount");
    }

    public void Dispose() => workspace.Dispose();
}
