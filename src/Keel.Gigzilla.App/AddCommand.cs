using Keel.Gigzilla.Clients;
using Keel.Gigzilla.Projects;
using Keel.Gigzilla.QuickEntry;
using Keel.Gigzilla.Settings;
using Keel.Gigzilla.Store;
using Spectre.Console;

namespace Keel.Gigzilla.App;

/// <summary><c>gigzilla add TEXT</c>: saves a quick entry as a project, creating the client when new.</summary>
internal static class AddCommand
{
    private const string Help = """
        Usage: gigzilla add TEXT
               gigzilla add -

        Adds a project from one line and prints what was understood, e.g.
          gigzilla add "Logo for Acme Corp, €1,500, 2 weeks"
          Created: Logo for Acme Corp · €1,500 · Due Feb 15
        A client named for the first time is created. With '-', adds one project per line read from standard input,
        each saved before its "Created:" line is printed.

        Options:
          -h, --help   Show this help
          --           Treat everything after as TEXT
        """;

    public static int Run(IReadOnlyList<string> args, CliEnvironment environment)
    {
        if (!CommandArguments.TryRead(args, environment, "add", Help, [], [], out var arguments, out var exitCode))
        {
            return exitCode;
        }

        var text = string.Join(' ', arguments.Words).Trim();
        if (text.Length == 0 && !args.Contains("-"))
        {
            return GigzillaCommandLine.Fail(environment, "missing TEXT: say what to add, e.g. gigzilla add \"Logo for Acme Corp, €1,500, 2 weeks\"");
        }

        using var store = environment.OpenStore();
        var console = environment.Console();
        if (text != "-")
        {
            return Add(store, text, environment, console);
        }

        var result = 0;
        while (environment.In.ReadLine() is { } line)
        {
            if (line.Trim().Length > 0 && Add(store, line.Trim(), environment, console) != 0)
            {
                result = GigzillaCommandLine.Failed;
            }
        }

        return result;
    }

    private static int Add(GigzillaStore store, string text, CliEnvironment environment, IAnsiConsole console)
    {
        var today = store.Today;
        var entry = QuickEntryParser.Parse(text, today, StoredClientNames.Load(store), SettingsDocuments.LoadSettings(store).Currency);
        var added = AddProject.Run(store, entry);
        if (added.Value is not { } project)
        {
            return GigzillaCommandLine.Fail(environment, added.Failure!);
        }

        console.MarkupLineInterpolated($"[green]Created:[/] {EntrySummary.Format(entry, today)}");
        console.MarkupLineInterpolated($"[grey]  project {project.ShortId} · to start[/]");
        return 0;
    }
}
