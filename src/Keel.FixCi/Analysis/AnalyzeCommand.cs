namespace Keel.FixCi.Analysis;

/// <summary>
/// The <c>fixci analyze</c> command: <c>--fail FILE [--pass FILE] [--json]</c>. Prints the ranked blocks as a
/// readable report, or as one JSON object with <c>--json</c>.
/// </summary>
public static class AnalyzeCommand
{
    public const string Usage = """
        Usage: fixci analyze --fail FILE [--pass FILE] [--json]

        Finds the lines of a failed CI log that explain the failure.
          --fail FILE   log of the failed run (required)
          --pass FILE   log of a passing run of the same job; lines both runs print are ignored
          --json        print {"blocks":[{"start","end","category","summary","hint"}]}, best block first
          --help        show this help
        """;

    /// <param name="args">The arguments after <c>fixci analyze</c>.</param>
    /// <returns>0 on success, 2 when the arguments or files are unusable.</returns>
    public static async Task<int> RunAsync(string[] args, TextWriter stdout, TextWriter stderr)
    {
        ArgumentNullException.ThrowIfNull(args);
        ArgumentNullException.ThrowIfNull(stdout);
        ArgumentNullException.ThrowIfNull(stderr);

        string? failPath = null;
        string? passPath = null;
        var json = false;
        for (var i = 0; i < args.Length; i++)
        {
            switch (args[i])
            {
                case "--help" or "-h":
                    await stdout.WriteLineAsync(Usage);
                    return 0;
                case "--json":
                    json = true;
                    break;
                case "--fail" or "--pass":
                    if (i + 1 >= args.Length || args[i + 1].StartsWith("--", StringComparison.Ordinal))
                    {
                        return await FailAsync(stderr, $"{args[i]} needs a file path.");
                    }
                    if (args[i] == "--fail")
                    {
                        failPath = args[++i];
                    }
                    else
                    {
                        passPath = args[++i];
                    }
                    break;
                default:
                    return await FailAsync(stderr, $"unknown argument '{args[i]}'; see fixci analyze --help.");
            }
        }

        if (failPath is null)
        {
            return await FailAsync(stderr, "--fail FILE is required; see fixci analyze --help.");
        }
        foreach (var path in new[] { failPath, passPath })
        {
            if (path is not null && !File.Exists(path))
            {
                return await FailAsync(stderr, $"cannot read '{path}': no such file.");
            }
        }

        AnalysisResult result;
        try
        {
            await using var fail = File.OpenRead(failPath);
            await using var pass = passPath is null ? null : File.OpenRead(passPath);
            result = LogAnalyzer.Analyze(fail, pass);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return await FailAsync(stderr, $"cannot read the log: {e.Message}");
        }

        await stdout.WriteAsync(json ? JsonReport.Render(result) : TextReport.Render(result, failPath, passPath));
        await stdout.FlushAsync();
        return 0;
    }

    private static async Task<int> FailAsync(TextWriter stderr, string message)
    {
        await stderr.WriteLineAsync($"fixci analyze: {message}");
        return 2;
    }
}
