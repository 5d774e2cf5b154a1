using Keel.Gigzilla.Automation;
using Keel.Gigzilla.Invoices;
using Keel.Gigzilla.Settings;

namespace Keel.Gigzilla.Tests.Automation;

public sealed class ReminderTests : IDisposable
{
    // Invoices sent on Sunday 1 February 2026 are due on 15 February (invoiceDueDays 14).
    private readonly TestWorkspace workspace = new();

    [Fact]
    public async Task The_standard_strategy_reminds_before_on_and_after_the_due_date_then_gives_final_notice()
    {
        using var store = workspace.OpenStore();
        Freelancer.Prepare(store);
        var invoice = Freelancer.SendNew(workspace, store, "Logo for Acme Corp, €1,500");

        var sent = new List<(DateOnly Day, string Template)>();
        for (var day = new DateOnly(2026, 2, 1); day <= new DateOnly(2026, 3, 31); day = day.AddDays(1))
        {
            workspace.SetToday(day);
            sent.AddRange((await RunDueWork.RunAsync(store)).Reminders.Select(reminder => (day, reminder.Template)));
        }

        sent.ShouldBe(
        [
            (new DateOnly(2026, 2, 12), "gentle"),
            (new DateOnly(2026, 2, 15), "dueToday"),
            (new DateOnly(2026, 2, 18), "overdue"),
            (new DateOnly(2026, 2, 22), "overdue"),
            (new DateOnly(2026, 3, 1), "finalNotice"),
        ]);
        Freelancer.Outbox(store).Select(mail => mail.Subject).ShouldBe(
        [
            "Friendly reminder: invoice INV-2026-001 is due on February 15",
            "Invoice INV-2026-001 is due today",
            "Reminder: invoice INV-2026-001 is 3 days overdue",
            "Reminder: invoice INV-2026-001 is 7 days overdue",
            "Final notice: invoice INV-2026-001 is 14 days overdue",
        ]);
        SendReminder.History(store, invoice.Id).ShouldAllBe(reminder => reminder.Status == "sent");
    }

    [Fact]
    public async Task After_days_offline_only_the_highest_level_now_due_goes_once()
    {
        using var store = workspace.OpenStore();
        Freelancer.Prepare(store);
        var invoice = Freelancer.SendNew(workspace, store, "Logo for Acme Corp, €1,500");

        workspace.SetToday(new DateOnly(2026, 2, 25));
        var first = await RunDueWork.RunAsync(store);
        workspace.Clock.Advance(TimeSpan.FromHours(2));
        var again = await RunDueWork.RunAsync(store);

        first.Reminders.Single().Template.ShouldBe("overdue");
        first.Reminders.Single().Invoice.Number.ShouldBe("INV-2026-001");
        again.Reminders.ShouldBeEmpty();
        Freelancer.Outbox(store).Single().Subject.ShouldBe("Reminder: invoice INV-2026-001 is 10 days overdue");
        SendReminder.History(store, invoice.Id).Select(reminder => (reminder.Level, reminder.Status)).ShouldBe(
            [(0, "cancelled"), (1, "cancelled"), (2, "cancelled"), (3, "sent")]);

        workspace.SetToday(new DateOnly(2026, 3, 1));
        (await RunDueWork.RunAsync(store)).Reminders.Single().Template.ShouldBe("finalNotice");
    }

    [Fact]
    public async Task Reminders_stop_when_the_invoice_is_paid_or_cancelled()
    {
        using var store = workspace.OpenStore();
        Freelancer.Prepare(store);
        Freelancer.SendNew(workspace, store, "Logo for Acme Corp, €1,500");
        Freelancer.SendNew(workspace, store, "Site for Vela Yoga, €900");

        workspace.SetToday(new DateOnly(2026, 2, 12));
        (await RunDueWork.RunAsync(store)).Reminders.Count.ShouldBe(2);
        RecordPayment.Run(store, new RecordPayment.Request("INV-2026-001", 1500m)).Failure.ShouldBeNull();
        IssueCreditNote.Run(store, new IssueCreditNote.Request("INV-2026-002", "Project dropped")).Failure.ShouldBeNull();

        for (var day = new DateOnly(2026, 2, 13); day <= new DateOnly(2026, 3, 31); day = day.AddDays(1))
        {
            workspace.SetToday(day);
            (await RunDueWork.RunAsync(store)).Reminders.ShouldBeEmpty();
        }
    }

    [Fact]
    public async Task A_reminder_still_in_the_outbox_when_the_client_pays_is_not_sent()
    {
        using var store = workspace.OpenStore();
        Freelancer.Prepare(store, settings: settings => settings with { SmtpHost = "127.0.0.1", SmtpPort = Keel.Testing.FreePort.Next(), SmtpSecurity = "none" });
        Freelancer.SendNew(workspace, store, "Logo for Acme Corp, €1,500");
        workspace.SetToday(new DateOnly(2026, 2, 12));
        (await RunDueWork.RunAsync(store)).Deliveries.Single().Error.ShouldNotBeNull();

        RecordPayment.Run(store, new RecordPayment.Request("INV-2026-001", 1500m));
        workspace.Clock.Advance(TimeSpan.FromHours(1));
        var delivery = (await RunDueWork.RunAsync(store)).Deliveries.Single();

        delivery.Error.ShouldBe("not sent: the invoice is paid");
        Freelancer.Outbox(store).Single().Status.ShouldBe("cancelled");
    }

    [Theory]
    [InlineData("none", new string[0])]
    [InlineData("gentle", new[] { "2026-02-15 dueToday", "2026-02-22 overdue", "2026-03-08 finalNotice" })]
    [InlineData("minimal", new[] { "2026-02-22 overdue", "2026-03-08 finalNotice" })]
    [InlineData("aggressive", new[] { "2026-02-12 gentle", "2026-02-15 dueToday", "2026-02-16 overdue", "2026-02-18 overdue", "2026-02-22 overdue", "2026-02-25 finalNotice" })]
    public async Task The_clients_strategy_sets_the_schedule(string strategy, string[] expected)
    {
        using var store = workspace.OpenStore();
        Freelancer.Prepare(store);
        Freelancer.SendNew(workspace, store, "Logo for Acme Corp, €1,500", strategy);

        var sent = new List<string>();
        for (var day = new DateOnly(2026, 2, 1); day <= new DateOnly(2026, 3, 31); day = day.AddDays(1))
        {
            workspace.SetToday(day);
            sent.AddRange((await RunDueWork.RunAsync(store)).Reminders.Select(reminder => $"{day:yyyy-MM-dd} {reminder.Template}"));
        }

        sent.ShouldBe(expected);
    }

    [Fact]
    public void The_standard_schedule_follows_the_settings_reminder_schedule()
    {
        var levels = ReminderPlan.For("standard", new WorkspaceSettings { ReminderSchedule = [0, -5] });

        levels.Select(level => (level.DaysAfterDue, level.Template)).ShouldBe([(0, "dueToday"), (5, "overdue"), (14, "finalNotice")]);
    }

    [Fact]
    public async Task Quiet_hours_hold_reminders_until_morning()
    {
        using var store = workspace.OpenStore();
        Freelancer.Prepare(store);
        Freelancer.SendNew(workspace, store, "Logo for Acme Corp, €1,500");

        workspace.Clock.SetUtcNow(new DateTimeOffset(2026, 2, 12, 23, 0, 0, TimeSpan.Zero));
        (await RunDueWork.RunAsync(store)).Reminders.ShouldBeEmpty();
        workspace.Clock.SetUtcNow(new DateTimeOffset(2026, 2, 13, 7, 59, 0, TimeSpan.Zero));
        (await RunDueWork.RunAsync(store)).Reminders.ShouldBeEmpty();
        workspace.Clock.SetUtcNow(new DateTimeOffset(2026, 2, 13, 8, 0, 0, TimeSpan.Zero));
        (await RunDueWork.RunAsync(store)).Reminders.Single().Template.ShouldBe("gentle");
    }

    [Fact]
    public async Task Reminders_are_off_when_the_settings_say_so()
    {
        using var store = workspace.OpenStore();
        Freelancer.Prepare(store, settings: settings => settings with { ReminderEnabled = false });
        Freelancer.SendNew(workspace, store, "Logo for Acme Corp, €1,500");

        workspace.SetToday(new DateOnly(2026, 3, 1));

        (await RunDueWork.RunAsync(store)).Reminders.ShouldBeEmpty();
    }

    [Fact]
    public void A_reminder_sent_by_hand_uses_the_template_for_today_and_refuses_paid_invoices()
    {
        using var store = workspace.OpenStore();
        Freelancer.Prepare(store);
        Freelancer.SendNew(workspace, store, "Logo for Acme Corp, €1,500");

        SendReminder.Now(store, "INV-2026-001").Value!.Template.ShouldBe("gentle");
        workspace.SetToday(new DateOnly(2026, 2, 20));
        SendReminder.Now(store, "INV-2026-001").Value!.Template.ShouldBe("overdue");
        RecordPayment.Run(store, new RecordPayment.Request("INV-2026-001", 1500m));

        SendReminder.Now(store, "INV-2026-001").Failure!.Message.ShouldBe("invoice INV-2026-001 is paid: there is nothing to remind");
        SendReminder.Now(store, "INV-2099-001").Failure!.Message.ShouldContain("no invoice matches");
    }

    public void Dispose() => workspace.Dispose();
}
