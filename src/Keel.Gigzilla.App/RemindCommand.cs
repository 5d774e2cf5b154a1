using Keel.Gigzilla.Automation;
using Keel.Gigzilla.Mail;
using Spectre.Console;

namespace Keel.Gigzilla.App;

/// <summary><c>gigzilla remind INVOICE</c>: sends a payment reminder now, outside the schedule.</summary>
internal static class RemindCommand
{
    private const string Help = """
        Usage: gigzilla remind INVOICE

        Sends the client a payment reminder for an unpaid invoice now, with the invoice PDF and e-invoice attached:
        a friendly one before the due date, "due today" on it, "overdue" after it. The scheduled reminders still go.

        Arguments:
          INVOICE      The invoice number (e.g. INV-2026-001), an id prefix, or the project's title

        Options:
          -h, --help   Show this help
        """;

    public static int Run(IReadOnlyList<string> args, CliEnvironment environment)
    {
        if (!CommandArguments.TryRead(args, environment, "remind", Help, [], [], out var arguments, out var exitCode))
        {
            return exitCode;
        }

        if (arguments.Words.Count == 0)
        {
            return GigzillaCommandLine.Fail(environment, "missing INVOICE: gigzilla remind INV-2026-001");
        }

        using var store = environment.OpenStore();
        var queued = SendReminder.Now(store, string.Join(' ', arguments.Words));
        if (queued.Value is not { } reminder)
        {
            return GigzillaCommandLine.Fail(environment, queued.Failure!);
        }

        var console = environment.Console();
        console.MarkupLineInterpolated($"[green]Reminder[/] ({reminder.Template}) for {reminder.Invoice.Label} → {reminder.To}");
        AutomationOutput.Deliveries(console, CliEnvironment.Wait(() => Outbox.DeliverDueAsync(store)));
        return 0;
    }
}
