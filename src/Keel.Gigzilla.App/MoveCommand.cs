using Keel.Gigzilla.Projects;
using Spectre.Console;

namespace Keel.Gigzilla.App;

/// <summary><c>gigzilla start PROJECT</c> and <c>gigzilla done PROJECT</c>: move a project along the pipeline.</summary>
internal static class MoveCommand
{
    public static int Run(IReadOnlyList<string> args, CliEnvironment environment, ProjectStatus to)
    {
        var command = to == ProjectStatus.Working ? "start" : "done";
        var help = $"""
            Usage: gigzilla {command} PROJECT

            {(to == ProjectStatus.Working ? "Moves a project to working." : "Marks a project done, ready to invoice.")}

            Arguments:
              PROJECT      An id or id prefix (see 'gigzilla projects'), or the project's title or part of it

            Options:
              -h, --help   Show this help
            """;
        if (!CommandArguments.TryRead(args, environment, command, help, [], [], out var arguments, out var exitCode))
        {
            return exitCode;
        }

        if (arguments.Words.Count == 0)
        {
            return GigzillaCommandLine.Fail(environment, $"missing PROJECT: give an id or a title, e.g. gigzilla {command} Logo");
        }

        using var store = environment.OpenStore();
        var moved = MoveProject.Run(store, string.Join(' ', arguments.Words), to);
        if (moved.Value is not { } project)
        {
            return GigzillaCommandLine.Fail(environment, moved.Failure!);
        }

        var console = environment.Console();
        console.MarkupLineInterpolated($"[green]{project.Label}[/] is now {project.Status.ToStored()} [grey]({project.ShortId})[/]");
        if (to == ProjectStatus.Done && Automation.AutoInvoices.For(store, project.Id) is { Status: "scheduled" } scheduled)
        {
            console.MarkupLineInterpolated(
                $"Invoice will be sent to {scheduled.ClientEmail ?? "(no email yet: gigzilla clients set CLIENT --email ADDRESS)"} · {AutoInvoiceCommand.When(scheduled.DueAt, environment.Clock)} · {scheduled.Amount?.ToString() ?? "no amount"} (cancel with 'gigzilla auto-invoice cancel {project.ShortId}')");
        }

        return 0;
    }
}
