namespace Keel.Gigzilla.Tests.App;

public sealed class AutomationCommandTests : IDisposable
{
    // Sunday 1 February 2026, 10:00 UTC.
    private readonly TestWorkspace workspace = new();

    [Fact]
    public void Done_tells_when_the_invoice_goes_and_run_due_sends_it_then()
    {
        SetUp();
        var done = workspace.Run("done", "logo").Out;
        done.ShouldContain("Invoice will be sent to billing@acme.example · Mon Feb 2, 09:00 · €1,500");
        workspace.Run("auto-invoice").Out.ShouldContain("Mon Feb 2, 09:00");

        workspace.Clock.SetUtcNow(new DateTimeOffset(2026, 2, 2, 9, 5, 0, TimeSpan.Zero));
        var (exitCode, output, error) = workspace.Run("run-due");

        exitCode.ShouldBe(0, error);
        output.ShouldContain("Invoiced Logo → billing@acme.example");
        output.ShouldContain("No SMTP server set");
        output.ShouldContain("unsent-mail");
        workspace.Run("run-due").Out.ShouldContain("Nothing due.");
    }

    [Fact]
    public void Auto_invoice_cancel_stops_it()
    {
        SetUp();
        workspace.Run("done", "logo");

        workspace.Run("auto-invoice", "cancel", "logo").Out.ShouldContain("Cancelled the auto-invoice for Logo");
        workspace.Run("auto-invoice").Out.ShouldContain("No invoice is waiting");
        var (exitCode, _, error) = workspace.Run("auto-invoice", "cancel", "logo");
        exitCode.ShouldBe(1);
        error.ShouldContain("has no invoice waiting to go out (it is cancelled)");
    }

    [Fact]
    public void Remind_sends_a_reminder_now_and_refuses_bad_input()
    {
        SetUp();
        workspace.Run("invoice", "create", "logo");
        workspace.Run("invoice", "send", "logo", "--no-email").Out.ShouldNotContain("No SMTP server set");

        var (exitCode, output, error) = workspace.Run("remind", "INV-2026-001");
        exitCode.ShouldBe(0, error);
        output.ShouldContain("Reminder (gentle) for INV-2026-001 → billing@acme.example");

        workspace.Run("remind").ExitCode.ShouldBe(2);
        var unknown = workspace.Run("remind", "INV-2099-009");
        unknown.ExitCode.ShouldBe(1);
        unknown.Error.Trim().Split('\n').Length.ShouldBe(1);
    }

    [Fact]
    public void Invoice_pdf_and_xml_write_files()
    {
        SetUp();
        workspace.Run("invoice", "create", "logo", "--vat", "19");
        workspace.Run("invoice", "send", "logo");
        var pdf = Path.Combine(workspace.Directory, "out", "invoice.pdf");
        var ubl = Path.Combine(workspace.Directory, "out", "invoice.xml");

        workspace.Run("invoice", "pdf", "INV-2026-001", "--out", pdf).ExitCode.ShouldBe(0);
        workspace.Run("invoice", "xml", "INV-2026-001", "--format", "ubl", "--out", ubl).ExitCode.ShouldBe(0);

        Invoices.InvoicePdfTests.PdfText(File.ReadAllBytes(pdf)).ShouldContain("€1,785.00");
        File.ReadAllText(ubl).ShouldContain("<cbc:PayableAmount currencyID=\"EUR\">1785.00</cbc:PayableAmount>");
        var badFormat = workspace.Run("invoice", "xml", "INV-2026-001", "--format", "pdf");
        (badFormat.ExitCode, badFormat.Error.Trim()).ShouldBe((2, "gigzilla: unknown --format 'pdf': use cii (Factur-X/ZUGFeRD) or ubl (XRechnung)"));
    }

    [Fact]
    public void Profile_and_client_settings_are_checked()
    {
        workspace.Run("add", "Logo for Acme Corp, €1,500");

        workspace.Run("profile", "set", "email", "not-an-address").Error.ShouldContain("is not an email address");
        workspace.Run("profile", "set", "brandColor", "reddish").Error.ShouldContain("is not a colour");
        workspace.Run("profile", "set", "favouriteFood", "x").Error.ShouldContain("unknown profile field");
        workspace.Run("clients", "set", "Acme Corp", "--reminders", "pushy").Error.ShouldContain("unknown reminder strategy 'pushy'");
        workspace.Run("clients", "set", "Nobody", "--email", "a@b.example").Error.ShouldContain("no client named 'Nobody'");
        workspace.Run("clients", "set", "acme corp", "--reminders", "gentle").Out.ShouldContain("reminders gentle");
    }

    private void SetUp()
    {
        workspace.Run("add", "Logo for Acme Corp, €1,500").ExitCode.ShouldBe(0);
        foreach (var (name, value) in new[] { ("name", "Jane Doe"), ("email", "jane@doe.example"), ("countryCode", "DE"), ("vatId", "DE123456789"), ("iban", "DE89 3704 0044 0532 0130 00") })
        {
            workspace.Run("profile", "set", name, value).ExitCode.ShouldBe(0);
        }

        workspace.Run("settings", "set", "backupEnabled", "false").ExitCode.ShouldBe(0);
        workspace.Run("clients", "set", "Acme Corp", "--email", "billing@acme.example").ExitCode.ShouldBe(0);
    }

    public void Dispose() => workspace.Dispose();
}
