using Keel.Gigzilla.Projects;
using Spectre.Console;

namespace Keel.Gigzilla.App;

/// <summary><c>gigzilla projects [--status STATUS]</c>: a table of projects.</summary>
internal static class ProjectsCommand
{
    private const string Help = """
        Usage: gigzilla projects [--status STATUS]

        Lists projects: open work first, by deadline.

        Options:
          --status STATUS   Only to_start, working, done or paid
          -h, --help        Show this help
        """;

    public static int Run(IReadOnlyList<string> args, CliEnvironment environment)
    {
        if (!CommandArguments.TryRead(args, environment, "projects", Help, ["--status"], [], out var arguments, out var exitCode))
        {
            return exitCode;
        }

        if (arguments.Words.Count > 0)
        {
            return GigzillaCommandLine.Fail(environment, $"unexpected '{arguments.Words[0]}' (run 'gigzilla projects --help')");
        }

        ProjectStatus? status = null;
        if (arguments.Options.TryGetValue("--status", out var name))
        {
            if (!Enum.GetValues<ProjectStatus>().Any(value => value.ToStored() == name))
            {
                return GigzillaCommandLine.Fail(environment, $"unknown status '{name}'; use to_start, working, done or paid");
            }

            status = ProjectStatusNames.FromStored(name);
        }

        using var store = environment.OpenStore();
        var projects = ListProjects.Run(store, status);
        var console = environment.Console();
        if (projects.Count == 0)
        {
            console.WriteLine("No projects yet. Add one: gigzilla add \"Logo for Acme Corp, €1,500, 2 weeks\"");
            return 0;
        }

        var table = new Table().AddColumns("Id", "Title", "Client", "Amount", "Deadline", "Stage");
        foreach (var project in projects)
        {
            table.AddRow(
                new Text(project.ShortId),
                new Text(project.Title),
                new Text(project.ClientName ?? ""),
                new Text(DisplayText.Amount(project.Amount, project.Currency)),
                new Text(DisplayText.Date(project.Deadline)),
                new Text(DisplayText.Stage(project)));
        }

        console.Write(table);
        return 0;
    }
}
