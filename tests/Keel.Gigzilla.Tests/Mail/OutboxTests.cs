using Keel.Gigzilla.Automation;
using Keel.Gigzilla.Mail;
using Keel.Gigzilla.Settings;
using Keel.Gigzilla.Tests.Automation;
using Keel.Testing;

namespace Keel.Gigzilla.Tests.Mail;

public sealed class OutboxTests : IAsyncLifetime, IDisposable
{
    private readonly TestWorkspace workspace = new();
    private readonly SmtpListener smtp = new();

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync() => await smtp.DisposeAsync();

    [Fact]
    public async Task A_sent_invoice_is_mailed_over_smtp_with_its_pdf_and_e_invoice()
    {
        await smtp.StartAsync();
        using var store = workspace.OpenStore();
        Freelancer.Prepare(store, settings: UseSmtp);
        var invoice = Freelancer.SendNew(workspace, store, "Logo for Acme Corp, €1,500");

        InvoiceMail.QueueInvoice(store, invoice).Value!.Warning.ShouldBeNull();
        var delivery = (await Outbox.DeliverDueAsync(store)).Single();

        delivery.Error.ShouldBeNull();
        var received = await smtp.WaitForMessageAsync();
        received.EnvelopeRecipients.ShouldBe(["billing@acme.example"]);
        received.EnvelopeFrom.ShouldBe("jane@doe.example");
        received.Message.Subject.ShouldBe("Invoice INV-2026-001 · Logo");
        received.Message.TextBody!.ShouldContain("please find attached invoice INV-2026-001 for Logo: €1,500. It is due on February 15, 2026.");
        var attachments = received.Message.Attachments.OfType<MimeKit.MimePart>().ToList();
        attachments.Select(part => part.FileName).ShouldBe(["INV-2026-001.pdf", "INV-2026-001.cii.xml"]);
        attachments[0].ContentType.MimeType.ShouldBe("application/pdf");
        using var xml = new MemoryStream();
        attachments[1].Content!.DecodeTo(xml);
        System.Text.Encoding.UTF8.GetString(xml.ToArray()).ShouldContain("<ram:ID>INV-2026-001</ram:ID>");
        Freelancer.Outbox(store).Single().Status.ShouldBe("sent");
        (await Outbox.DeliverDueAsync(store)).ShouldBeEmpty();
        smtp.Messages.Count.ShouldBe(1);
    }

    [Fact]
    public async Task Mail_queued_while_the_server_is_down_survives_a_restart_and_goes_after_the_backoff()
    {
        var invoiceId = "";
        using (var store = workspace.OpenStore())
        {
            Freelancer.Prepare(store, settings: UseSmtp);
            var invoice = Freelancer.SendNew(workspace, store, "Logo for Acme Corp, €1,500");
            invoiceId = invoice.Id;
            InvoiceMail.QueueInvoice(store, invoice);

            var failed = (await Outbox.DeliverDueAsync(store)).Single();
            failed.Error.ShouldNotBeNull();
            failed.NextAttemptAt.ShouldBe(workspace.Clock.GetUtcNow() + TimeSpan.FromMinutes(1));
        }

        await smtp.StartAsync();
        using (var reopened = workspace.OpenStore())
        {
            workspace.Clock.Advance(TimeSpan.FromSeconds(30));
            (await Outbox.DeliverDueAsync(reopened)).ShouldBeEmpty();

            workspace.Clock.Advance(TimeSpan.FromSeconds(30));
            (await Outbox.DeliverDueAsync(reopened)).Single().Error.ShouldBeNull();

            (await smtp.WaitForMessageAsync()).Message.Subject.ShouldBe("Invoice INV-2026-001 · Logo");
            var row = Freelancer.Outbox(reopened).Single();
            (row.Status, row.Attempts).ShouldBe(("sent", 2));
        }

        smtp.Messages.Count.ShouldBe(1);
    }

    [Fact]
    public async Task A_temporary_refusal_is_retried()
    {
        await smtp.StartAsync();
        smtp.TemporaryFailure = SmtpTemporaryFailure.LocalError451;
        using var store = workspace.OpenStore();
        Freelancer.Prepare(store, settings: UseSmtp);
        InvoiceMail.QueueInvoice(store, Freelancer.SendNew(workspace, store, "Logo for Acme Corp, €1,500"));

        (await Outbox.DeliverDueAsync(store)).Single().Error.ShouldNotBeNull();
        smtp.TemporaryFailure = SmtpTemporaryFailure.None;
        workspace.Clock.Advance(TimeSpan.FromMinutes(1));

        (await Outbox.DeliverDueAsync(store)).Single().Error.ShouldBeNull();
        smtp.Messages.Count.ShouldBe(1);
    }

    [Fact]
    public void Backoff_doubles_from_a_minute_up_to_six_hours()
    {
        Outbox.Backoff(1).ShouldBe(TimeSpan.FromMinutes(1));
        Outbox.Backoff(2).ShouldBe(TimeSpan.FromMinutes(2));
        Outbox.Backoff(5).ShouldBe(TimeSpan.FromMinutes(16));
        Outbox.Backoff(10).ShouldBe(TimeSpan.FromHours(6));
        Outbox.Backoff(1000).ShouldBe(TimeSpan.FromHours(6));
    }

    [Fact]
    public async Task A_message_claimed_by_another_process_is_left_alone()
    {
        await smtp.StartAsync();
        using var store = workspace.OpenStore();
        Freelancer.Prepare(store, settings: UseSmtp);
        InvoiceMail.QueueInvoice(store, Freelancer.SendNew(workspace, store, "Logo for Acme Corp, €1,500"));
        store.Execute("UPDATE outbox SET claimed_until = $until", ("$until", workspace.Clock.GetUtcNow().AddMinutes(5)));

        (await Outbox.DeliverDueAsync(store)).ShouldBeEmpty();
        workspace.Clock.Advance(TimeSpan.FromMinutes(5));
        (await Outbox.DeliverDueAsync(store)).Single().Error.ShouldBeNull();
    }

    [Fact]
    public async Task Without_smtp_the_message_is_written_as_an_eml_file()
    {
        using var store = workspace.OpenStore();
        Freelancer.Prepare(store);
        InvoiceMail.QueueInvoice(store, Freelancer.SendNew(workspace, store, "Logo for Acme Corp, €1,500"));

        var path = (await Outbox.DeliverDueAsync(store)).Single().DeliveredAs!;

        Path.GetDirectoryName(path).ShouldBe(Path.Combine(workspace.Directory, Outbox.EmlFolderName));
        var message = await MimeKit.MimeMessage.LoadAsync(path);
        message.To.Mailboxes.Single().Address.ShouldBe("billing@acme.example");
        message.Attachments.Count().ShouldBe(2);
    }

    [Fact]
    public void The_smtp_password_is_stored_sealed_and_never_shown()
    {
        var (exitCode, output, error) = workspace.RunWithInput("hunter2-secret\n", "settings", "set", "smtpPassword", "-");

        exitCode.ShouldBe(0, error);
        output.ShouldContain("(set, sealed)");
        output.ShouldNotContain("hunter2");
        using var store = workspace.OpenStore();
        var stored = SettingsDocuments.LoadSettings(store).SmtpPassword;
        ((string)store.Scalar("SELECT json FROM settings")!).ShouldNotContain("hunter2");
        SecretSeal.Open(workspace.Directory, stored).ShouldBe("hunter2-secret");
        SecretSeal.Open(Path.Combine(workspace.Directory, "elsewhere"), stored).ShouldBeNull();
    }

    [Fact]
    public async Task Run_due_delivers_what_the_cli_queued_earlier()
    {
        await smtp.StartAsync();
        using (var store = workspace.OpenStore())
        {
            Freelancer.Prepare(store, settings: UseSmtp);
            var project = Freelancer.AddProject(workspace, store, "Logo for Acme Corp, €1,500");
            Keel.Gigzilla.Invoices.CreateInvoice.Run(store, project.Id);
        }

        await smtp.StopAsync();
        workspace.Run("invoice", "send", "logo").Out.ShouldContain("Not delivered");
        await smtp.StartAsync();
        workspace.Clock.Advance(TimeSpan.FromMinutes(1));

        var (exitCode, output, _) = workspace.Run("run-due");

        exitCode.ShouldBe(0);
        output.ShouldContain("Mailed 'Invoice INV-2026-001 · Logo' to billing@acme.example");
        (await smtp.WaitForMessageAsync()).Message.Attachments.Count().ShouldBe(2);
    }

    private WorkspaceSettings UseSmtp(WorkspaceSettings settings) =>
        settings with { SmtpHost = smtp.Host, SmtpPort = smtp.Port, SmtpSecurity = "none" };

    public void Dispose() => workspace.Dispose();
}
