using Keel.Gigzilla.Store;
using Spectre.Console;

namespace Keel.Gigzilla.App;

/// <summary>What commands read from and write to, so that tests can run them in-process.</summary>
/// <param name="Out">Standard output.</param>
/// <param name="Error">Standard error: one line per failure.</param>
/// <param name="Clock">Source of the user's local date and of timestamps.</param>
/// <param name="DataDirectory">The folder of the local store (<c>--data</c>, <c>GIGZILLA_DATA</c> or the application-data folder).</param>
internal sealed record CliEnvironment(
    TextWriter Out,
    TextWriter Error,
    TimeProvider Clock,
    string DataDirectory)
{
    /// <summary>Standard input, read by <c>gigzilla add -</c>.</summary>
    public TextReader In { get; init; } = TextReader.Null;

    /// <summary>Reads an environment variable, such as the backup passphrase.</summary>
    public Func<string, string?> Variable { get; init; } = _ => null;

    public DateOnly Today => DateOnly.FromDateTime(Clock.GetLocalNow().DateTime);

    /// <summary>
    /// Runs async work to completion from a synchronous command. On the thread pool, so that a caller's
    /// synchronization context (a UI, a test runner) cannot deadlock the continuations.
    /// </summary>
    public static T Wait<T>(Func<Task<T>> work) => Task.Run(work).GetAwaiter().GetResult();

    /// <summary>Opens the store, creating it on first use.</summary>
    public GigzillaStore OpenStore() => GigzillaStore.Open(DataDirectory, Clock);

    /// <summary>A Spectre console on <see cref="Out"/>; plain text when it is not a terminal.</summary>
    public IAnsiConsole Console()
    {
        var terminal = ReferenceEquals(Out, System.Console.Out) && !System.Console.IsOutputRedirected;
        var console = AnsiConsole.Create(new AnsiConsoleSettings
        {
            Out = new AnsiConsoleOutput(Out),
            Interactive = InteractionSupport.No,
            Ansi = terminal ? AnsiSupport.Detect : AnsiSupport.No,
            ColorSystem = terminal ? ColorSystemSupport.Detect : ColorSystemSupport.NoColors,
        });
        console.Profile.Width = Math.Max(console.Profile.Width, 120);
        return console;
    }
}
