using Keel.Gigzilla.Exchange;
using Spectre.Console;

namespace Keel.Gigzilla.App;

/// <summary><c>gigzilla export FOLDER</c>: the workspace as CSV files.</summary>
internal static class ExportCommand
{
    private const string Help = """
        Usage: gigzilla export FOLDER

        Writes clients.csv, projects.csv, invoices.csv, payments.csv and credit_notes.csv into FOLDER (created if
        needed; files of those names are replaced). Amounts use a decimal point, dates are YYYY-MM-DD.

        Options:
          -h, --help   Show this help
        """;

    public static int Run(IReadOnlyList<string> args, CliEnvironment environment)
    {
        if (!CommandArguments.TryRead(args, environment, "export", Help, [], [], out var arguments, out var exitCode))
        {
            return exitCode;
        }

        if (arguments.Words.Count != 1)
        {
            return GigzillaCommandLine.Fail(environment, "give one FOLDER to export into, e.g. gigzilla export ~/gigzilla-export");
        }

        using var store = environment.OpenStore();
        var folder = Path.GetFullPath(arguments.Words[0]);
        var written = ExportCsv.Run(store, folder);
        environment.Console().MarkupLineInterpolated($"[green]Exported[/] to {folder}: {string.Join(", ", written.Select(file => $"{file.File} ({file.Rows})"))}");
        return 0;
    }
}
