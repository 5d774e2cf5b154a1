using Keel.Gigzilla.Projects;
using Spectre.Console;

namespace Keel.Gigzilla.App;

/// <summary><c>gigzilla pipeline</c>: projects in four columns, to_start, working, done and paid.</summary>
internal static class PipelineCommand
{
    private const string Help = """
        Usage: gigzilla pipeline

        Shows projects by stage in four columns: to_start, working, done (marked "invoiced" when an invoice is open)
        and paid.

        Options:
          -h, --help   Show this help
        """;

    public static int Run(IReadOnlyList<string> args, CliEnvironment environment)
    {
        if (!CommandArguments.TryRead(args, environment, "pipeline", Help, [], [], out var arguments, out var exitCode))
        {
            return exitCode;
        }

        if (arguments.Words.Count > 0)
        {
            return GigzillaCommandLine.Fail(environment, $"unexpected '{arguments.Words[0]}' (run 'gigzilla pipeline --help')");
        }

        using var store = environment.OpenStore();
        var columns = ListProjects.Run(store).ToLookup(project => project.Status);
        var stages = Enum.GetValues<ProjectStatus>();
        var table = new Table();
        foreach (var stage in stages)
        {
            table.AddColumn($"{stage.ToStored()} ({columns[stage].Count()})");
        }

        var depth = stages.Max(stage => columns[stage].Count());
        for (var row = 0; row < depth; row++)
        {
            table.AddRow(stages.Select(stage => Card(columns[stage].ElementAtOrDefault(row))).ToArray());
        }

        environment.Console().Write(table);
        return 0;
    }

    private static Text Card(Project? project)
    {
        if (project is null)
        {
            return new Text("");
        }

        var details = new[]
        {
            project.ClientName,
            project.Amount is null ? null : DisplayText.Amount(project.Amount, project.Currency),
            project.Deadline is null ? null : $"due {DisplayText.Date(project.Deadline)}",
            project.Status == ProjectStatus.Done && project.HasOpenInvoice ? "invoiced" : null,
        };
        return new Text($"{project.Title} [{project.ShortId}]\n{string.Join(" · ", details.Where(detail => detail is not null))}");
    }
}
