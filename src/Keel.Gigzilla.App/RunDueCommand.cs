using Keel.Gigzilla.Automation;

namespace Keel.Gigzilla.App;

/// <summary><c>gigzilla run-due</c>: runs the automation engine once.</summary>
internal static class RunDueCommand
{
    private const string Help = """
        Usage: gigzilla run-due

        Does everything that is due now: sends auto-invoices whose time has come (projects marked done), the payment
        reminders due by each client's strategy (not during quiet hours), the scheduled backup, and delivers the mail
        outbox (through SMTP when smtpHost is set, else as .eml files in the data folder's unsent-mail folder).
        After days offline only the highest reminder level now due goes out, once. Safe to run as often as you like,
        e.g. from cron every 15 minutes.

        Options:
          -h, --help   Show this help
        """;

    public static int Run(IReadOnlyList<string> args, CliEnvironment environment)
    {
        if (!CommandArguments.TryRead(args, environment, "run-due", Help, [], [], out var arguments, out var exitCode))
        {
            return exitCode;
        }

        if (arguments.Words.Count > 0)
        {
            return GigzillaCommandLine.Fail(environment, $"unexpected '{arguments.Words[0]}' (run 'gigzilla run-due --help')");
        }

        using var store = environment.OpenStore();
        var report = CliEnvironment.Wait(() => RunDueWork.RunAsync(store));
        AutomationOutput.Write(environment.Console(), report);
        return 0;
    }
}
