namespace Keel.Gigzilla.App;

/// <summary>Dispatches <c>gigzilla COMMAND ...</c> to a command; returns the process exit code.</summary>
internal static class GigzillaCommandLine
{
    public const int UsageError = 2;

    private const string Usage = """
        Usage: gigzilla COMMAND [OPTIONS]

        Commands:
          parse    Show how a quick-entry line is understood, without saving anything

        Run 'gigzilla COMMAND --help' for a command's options.
        """;

    public static int Run(IReadOnlyList<string> args, CliEnvironment environment)
    {
        if (args.Count == 0)
        {
            return Fail(environment, "missing COMMAND (run 'gigzilla --help' for the list)");
        }

        if (args[0] is "--help" or "-h" or "help")
        {
            environment.Out.WriteLine(Usage);
            return 0;
        }

        return args[0] switch
        {
            "parse" => ParseCommand.Run(args.Skip(1).ToArray(), environment),
            _ => Fail(environment, $"unknown command '{args[0]}' (run 'gigzilla --help' for the list)"),
        };
    }

    public static int Fail(CliEnvironment environment, string message)
    {
        environment.Error.WriteLine($"gigzilla: {message}");
        return UsageError;
    }
}
