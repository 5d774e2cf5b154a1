using Keel.Gigzilla.Automation;
using Keel.Gigzilla.Invoices;
using Keel.Gigzilla.Projects;
using Keel.Gigzilla.Settings;

namespace Keel.Gigzilla.Tests.Automation;

public sealed class AutoInvoiceTests : IDisposable
{
    // Sunday 1 February 2026, 10:00 UTC (the workspace's local zone).
    private readonly TestWorkspace workspace = new();

    [Fact]
    public async Task A_project_marked_done_on_a_sunday_is_invoiced_monday_at_nine()
    {
        using var store = workspace.OpenStore();
        Freelancer.Prepare(store);
        var project = Freelancer.AddProject(workspace, store, "Logo for Acme Corp, €1,500");

        MoveProject.Run(store, project.Id, ProjectStatus.Done).Failure.ShouldBeNull();
        AutoInvoices.For(store, project.Id)!.DueAt.ShouldBe(new DateTimeOffset(2026, 2, 2, 9, 0, 0, TimeSpan.Zero));

        workspace.Clock.SetUtcNow(new DateTimeOffset(2026, 2, 2, 8, 59, 0, TimeSpan.Zero));
        (await RunDueWork.RunAsync(store)).InvoicesSent.ShouldBeEmpty();
        store.Scalar("SELECT COUNT(*) FROM invoices").ShouldBe(0L);

        workspace.Clock.SetUtcNow(new DateTimeOffset(2026, 2, 2, 9, 0, 0, TimeSpan.Zero));
        var report = await RunDueWork.RunAsync(store);

        report.InvoicesSent.Count.ShouldBe(1);
        var invoice = FindInvoice.Run(store, "INV-2026-001").Value!;
        invoice.Status.ShouldBe(InvoiceStatus.Sent);
        invoice.SentDate.ShouldBe(new DateOnly(2026, 2, 2));
        invoice.Total.ShouldBe(new Money(1500m, "EUR"));
        var mail = report.InvoicesSent[0].Mail.Mail;
        mail.To.ShouldBe("billing@acme.example");
        mail.Attachments.Select(attachment => attachment.FileName).ShouldBe(["INV-2026-001.pdf", "INV-2026-001.cii.xml"]);
        report.Deliveries.Single().DeliveredAs.ShouldNotBeNull().ShouldEndWith(".eml");
        AutoInvoices.For(store, project.Id)!.Status.ShouldBe("sent");

        (await RunDueWork.RunAsync(store)).DidNothing.ShouldBeTrue();
    }

    [Theory]
    [InlineData(2026, 2, 6, 0, 2026, 2, 9)] // Friday → Monday
    [InlineData(2026, 2, 2, 0, 2026, 2, 3)] // Monday → Tuesday
    [InlineData(2026, 2, 2, 2, 2026, 2, 5)] // Monday + 2 days → Thursday
    [InlineData(2026, 2, 4, 2, 2026, 2, 9)] // Wednesday + 2 days (Friday) → Monday
    public void The_invoice_goes_the_next_business_day_after_the_delay_at_nine(int year, int month, int day, int delay, int dueYear, int dueMonth, int dueDay)
    {
        var done = new DateTimeOffset(year, month, day, 15, 30, 0, TimeSpan.Zero);

        AutoInvoices.DueAt(done, delay, TimeZoneInfo.Utc).ShouldBe(new DateTimeOffset(dueYear, dueMonth, dueDay, 9, 0, 0, TimeSpan.Zero));
    }

    [Fact]
    public void Nine_oclock_is_the_users_local_time()
    {
        var berlin = TimeZoneInfo.CreateCustomTimeZone("UTC+1", TimeSpan.FromHours(1), "UTC+1", "UTC+1");

        AutoInvoices.DueAt(new DateTimeOffset(2026, 2, 2, 15, 0, 0, TimeSpan.FromHours(1)), 0, berlin)
            .ShouldBe(new DateTimeOffset(2026, 2, 3, 8, 0, 0, TimeSpan.Zero));
    }

    [Fact]
    public async Task A_cancelled_auto_invoice_never_goes()
    {
        using var store = workspace.OpenStore();
        Freelancer.Prepare(store);
        var project = Freelancer.AddProject(workspace, store, "Logo for Acme Corp, €1,500");
        MoveProject.Run(store, project.Id, ProjectStatus.Done);

        AutoInvoices.Cancel(store, "logo").Failure.ShouldBeNull();
        workspace.Clock.Advance(TimeSpan.FromDays(3));

        (await RunDueWork.RunAsync(store)).InvoicesSent.ShouldBeEmpty();
        store.Scalar("SELECT COUNT(*) FROM invoices").ShouldBe(0L);
        AutoInvoices.Cancel(store, "logo").Failure!.Message.ShouldContain("no invoice waiting");
    }

    [Fact]
    public async Task A_draft_prepared_before_the_time_is_what_goes()
    {
        using var store = workspace.OpenStore();
        Freelancer.Prepare(store);
        var project = Freelancer.AddProject(workspace, store, "Logo for Acme Corp, €1,000");
        MoveProject.Run(store, project.Id, ProjectStatus.Done);
        CreateInvoice.Run(store, project.Id, vatRate: 19m);
        AddInvoiceLine.Run(store, new AddInvoiceLine.Request("logo", "Favicon", 1, 100m));

        workspace.Clock.Advance(TimeSpan.FromDays(1));
        (await RunDueWork.RunAsync(store)).InvoicesSent.Count.ShouldBe(1);

        FindInvoice.Run(store, "INV-2026-001").Value!.Total.ShouldBe(new Money(1309m, "EUR"));
        store.Scalar("SELECT COUNT(*) FROM invoices").ShouldBe(1L);
    }

    [Fact]
    public async Task Without_the_clients_email_nothing_is_numbered_and_the_user_is_told()
    {
        using var store = workspace.OpenStore();
        Freelancer.Prepare(store);
        var project = Freelancer.AddProject(workspace, store, "Logo for Acme Corp, €1,500", email: null);
        MoveProject.Run(store, project.Id, ProjectStatus.Done);
        workspace.Clock.Advance(TimeSpan.FromDays(1));

        var report = await RunDueWork.RunAsync(store);

        report.Problems.Single().ShouldContain("has no email address");
        store.Scalar("SELECT COUNT(*) FROM invoices").ShouldBe(0L);
        store.Scalar("SELECT COUNT(*) FROM invoice_number_counters").ShouldBe(0L);
        AutoInvoices.For(store, project.Id)!.Status.ShouldBe("failed");
    }

    [Fact]
    public async Task Quiet_hours_hold_the_invoice_until_they_end()
    {
        using var store = workspace.OpenStore();
        Freelancer.Prepare(store, settings: settings => settings with { QuietHoursStart = "20:00", QuietHoursEnd = "10:00" });
        var project = Freelancer.AddProject(workspace, store, "Logo for Acme Corp, €1,500");
        MoveProject.Run(store, project.Id, ProjectStatus.Done);

        workspace.Clock.SetUtcNow(new DateTimeOffset(2026, 2, 2, 9, 30, 0, TimeSpan.Zero));
        var quiet = await RunDueWork.RunAsync(store);
        quiet.QuietHours.ShouldBeTrue();
        quiet.InvoicesSent.ShouldBeEmpty();

        workspace.Clock.SetUtcNow(new DateTimeOffset(2026, 2, 2, 10, 0, 0, TimeSpan.Zero));
        (await RunDueWork.RunAsync(store)).InvoicesSent.Count.ShouldBe(1);
    }

    [Fact]
    public async Task Nothing_is_scheduled_when_auto_invoicing_is_off_or_the_project_was_invoiced_by_hand()
    {
        using var store = workspace.OpenStore();
        Freelancer.Prepare(store, settings: settings => settings with { AutoInvoiceEnabled = false });
        var off = Freelancer.AddProject(workspace, store, "Logo for Acme Corp, €1,500");
        MoveProject.Run(store, off.Id, ProjectStatus.Done);
        AutoInvoices.For(store, off.Id).ShouldBeNull();

        SettingsDocuments.SaveSettings(store, SettingsDocuments.LoadSettings(store) with { AutoInvoiceEnabled = true });
        var byHand = Freelancer.AddProject(workspace, store, "Site for Acme Corp, €900");
        MoveProject.Run(store, byHand.Id, ProjectStatus.Done);
        CreateInvoice.Run(store, byHand.Id);
        SendInvoice.Run(store, byHand.Id);
        workspace.Clock.Advance(TimeSpan.FromDays(1));

        var report = await RunDueWork.RunAsync(store);

        report.InvoicesSent.ShouldBeEmpty();
        report.Problems.Single().ShouldContain("already invoiced by hand as INV-2026-001");
        store.Scalar("SELECT COUNT(*) FROM invoices").ShouldBe(1L);
    }

    public void Dispose() => workspace.Dispose();
}
