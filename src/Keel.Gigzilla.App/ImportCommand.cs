using Keel.Gigzilla.Exchange;
using Spectre.Console;

namespace Keel.Gigzilla.App;

/// <summary><c>gigzilla import FILE</c>: projects from a CSV file.</summary>
internal static class ImportCommand
{
    private const string Help = """
        Usage: gigzilla import FILE

        Imports projects from a CSV file with a header row. Columns: title (required), client, amount, currency,
        status (to_start, working, done, paid), deadline (YYYY-MM-DD), and id as written by 'gigzilla export'.
        Clients are created as needed; rows whose id is already stored are skipped. A file with a bad row is not
        imported at all, and the message names the line.

        Options:
          -h, --help   Show this help
        """;

    public static int Run(IReadOnlyList<string> args, CliEnvironment environment)
    {
        if (!CommandArguments.TryRead(args, environment, "import", Help, [], [], out var arguments, out var exitCode))
        {
            return exitCode;
        }

        if (arguments.Words.Count != 1)
        {
            return GigzillaCommandLine.Fail(environment, "give one CSV FILE to import, e.g. gigzilla import projects.csv");
        }

        var path = Path.GetFullPath(arguments.Words[0]);
        if (!File.Exists(path))
        {
            return GigzillaCommandLine.Fail(environment, $"no file {path}", GigzillaCommandLine.Failed);
        }

        using var store = environment.OpenStore();
        using var reader = new StreamReader(path);
        var imported = ImportProjectsCsv.Run(store, reader, Path.GetFileName(path));
        if (imported.Value is not { } result)
        {
            return GigzillaCommandLine.Fail(environment, imported.Failure!);
        }

        environment.Console().MarkupLineInterpolated($"[green]Imported[/] {result.Added} projects from {Path.GetFileName(path)}{(result.Skipped > 0 ? $" ({result.Skipped} already there)" : "")}");
        return 0;
    }
}
