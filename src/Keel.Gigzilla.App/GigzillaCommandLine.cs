using Keel.Gigzilla.Store;
using Microsoft.Data.Sqlite;

namespace Keel.Gigzilla.App;

/// <summary>Dispatches <c>gigzilla [--data DIR] COMMAND ...</c> to a command; returns the process exit code.</summary>
internal static class GigzillaCommandLine
{
    /// <summary>A use case refused: unknown project, invoice already paid, ...</summary>
    public const int Failed = 1;

    /// <summary>The command line itself was wrong.</summary>
    public const int UsageError = 2;

    private const string Usage = """
        Usage: gigzilla [--data DIR] [--no-browser]
               gigzilla [--data DIR] COMMAND [OPTIONS]

        With no command, Gigzilla opens in your browser (a local app on 127.0.0.1; --no-browser prints its address).

        Commands:
          add        Add a project from one line: gigzilla add "Logo for Acme Corp, €1,500, 2 weeks"
          parse      Show how a quick-entry line is understood, without saving anything
          dashboard  What matters now: overdue invoices, deadlines this week, unpaid and income
          pipeline   Projects by stage: to start, working, done, paid
          projects   List projects
          clients    List clients with what they owe and how they pay
          start      Move a project to working
          done       Mark a project done
          invoice    Create, send, list invoices; their PDF and e-invoice XML
          pay        Record a payment against an invoice
          export     Write the workspace as CSV files
          import     Import projects from a CSV file
          backup     Write an encrypted backup of the store
          restore    Replace the store with a backup, keeping the current data aside
          settings   Show or change the settings (including the SMTP server)
          profile    Show or change your profile: name, address, bank details, logo, brand colour
          remind     Send a payment reminder for an invoice now
          run-due    Run the automation: auto-invoices, reminders, scheduled backup, mail outbox
          auto-invoice  List or cancel invoices waiting to go out after a project was marked done

        Options:
          --data DIR   The folder of the local store (default: $GIGZILLA_DATA, else the application-data folder)

        Run 'gigzilla COMMAND --help' for a command's options.
        """;

    public static int Run(IReadOnlyList<string> args, CliEnvironment environment)
    {
        var remaining = new List<string>(args.Count);
        for (var i = 0; i < args.Count; i++)
        {
            if (args[i] == "--")
            {
                remaining.AddRange(args.Skip(i));
                break;
            }

            if (args[i] == "--data" || args[i].StartsWith("--data=", StringComparison.Ordinal))
            {
                var value = args[i].Length > "--data".Length ? args[i]["--data=".Length..] : i + 1 < args.Count ? args[++i] : null;
                if (string.IsNullOrWhiteSpace(value))
                {
                    return Fail(environment, "--data needs a folder");
                }

                environment = environment with { DataDirectory = DataDirectory.Resolve(value, _ => null) };
                continue;
            }

            remaining.Add(args[i]);
        }

        if (remaining.Count == 0 || remaining[0].StartsWith("--", StringComparison.Ordinal) && remaining[0] != "--help")
        {
            return Web.WebCommand.Run(remaining, environment);
        }

        if (remaining[0] is "--help" or "-h" or "help")
        {
            environment.Out.WriteLine(Usage);
            return 0;
        }

        var rest = remaining.Skip(1).ToArray();
        try
        {
            return remaining[0] switch
            {
                "parse" => ParseCommand.Run(rest, environment),
                "add" => AddCommand.Run(rest, environment),
                "dashboard" => DashboardCommand.Run(rest, environment),
                "pipeline" => PipelineCommand.Run(rest, environment),
                "projects" => ProjectsCommand.Run(rest, environment),
                "clients" => ClientsCommand.Run(rest, environment),
                "start" => MoveCommand.Run(rest, environment, Projects.ProjectStatus.Working),
                "done" => MoveCommand.Run(rest, environment, Projects.ProjectStatus.Done),
                "invoice" => InvoiceCommand.Run(rest, environment),
                "pay" => PayCommand.Run(rest, environment),
                "export" => ExportCommand.Run(rest, environment),
                "import" => ImportCommand.Run(rest, environment),
                "backup" => BackupCommand.Run(rest, environment),
                "restore" => RestoreCommand.Run(rest, environment),
                "settings" => SettingsCommand.Run(rest, environment),
                "profile" => ProfileCommand.Run(rest, environment),
                "remind" => RemindCommand.Run(rest, environment),
                "run-due" => RunDueCommand.Run(rest, environment),
                "auto-invoice" => AutoInvoiceCommand.Run(rest, environment),
                _ => Fail(environment, $"unknown command '{remaining[0]}' (run 'gigzilla --help' for the list)"),
            };
        }
        catch (Exception exception) when (exception is SqliteException or IOException or UnauthorizedAccessException or InvalidOperationException)
        {
            return Fail(environment, $"cannot use the store in {environment.DataDirectory}: {exception.Message.ReplaceLineEndings(" ")}", Failed);
        }
    }

    public static int Fail(CliEnvironment environment, string message, int exitCode = UsageError)
    {
        environment.Error.WriteLine($"gigzilla: {message}");
        return exitCode;
    }

    /// <summary>Prints a use case's failure as one line, or returns 0 for the caller to print the success.</summary>
    public static int Fail(CliEnvironment environment, Failure failure) => Fail(environment, failure.Message, Failed);
}
