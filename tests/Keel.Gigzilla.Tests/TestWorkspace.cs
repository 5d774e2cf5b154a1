using Keel.Gigzilla.App;
using Keel.Gigzilla.Projects;
using Keel.Gigzilla.QuickEntry;
using Keel.Gigzilla.Store;
using Microsoft.Extensions.Time.Testing;

namespace Keel.Gigzilla.Tests;

/// <summary>A fresh store folder in the temp directory and a fake clock (UTC), removed afterwards.</summary>
public sealed class TestWorkspace : IDisposable
{
    public TestWorkspace(DateTimeOffset? now = null)
    {
        Directory = Path.Combine(Path.GetTempPath(), "gigzilla-tests", Guid.NewGuid().ToString("N"));
        Clock = new FakeTimeProvider(now ?? new DateTimeOffset(2026, 2, 1, 10, 0, 0, TimeSpan.Zero));
        Clock.SetLocalTimeZone(TimeZoneInfo.Utc);
    }

    public string Directory { get; }

    public FakeTimeProvider Clock { get; }

    internal DateOnly Today => DateOnly.FromDateTime(Clock.GetUtcNow().UtcDateTime);

    internal GigzillaStore OpenStore() => GigzillaStore.Open(Directory, Clock);

    /// <summary>Moves the clock to <paramref name="date"/> at 10:00 UTC.</summary>
    public void SetToday(DateOnly date) => Clock.SetUtcNow(new DateTimeOffset(date.ToDateTime(new TimeOnly(10, 0)), TimeSpan.Zero));

    internal Project AddProject(GigzillaStore store, string line)
    {
        var entry = QuickEntryParser.Parse(line, Today, Keel.Gigzilla.Clients.StoredClientNames.Load(store));
        var added = Keel.Gigzilla.Projects.AddProject.Run(store, entry);
        added.Failure.ShouldBeNull();
        return added.Value!;
    }

    /// <summary>Runs <c>gigzilla ARGS</c> in-process against this workspace's store.</summary>
    internal (int ExitCode, string Out, string Error) Run(params string[] args) => RunWithInput(null, args);

    internal (int ExitCode, string Out, string Error) RunWithInput(string? input, params string[] args)
    {
        using var output = new StringWriter();
        using var error = new StringWriter();
        var environment = new CliEnvironment(output, error, Clock, Directory) { In = new StringReader(input ?? "") };
        var exitCode = GigzillaCommandLine.Run(args, environment);
        return (exitCode, output.ToString(), error.ToString());
    }

    public void Dispose()
    {
        if (System.IO.Directory.Exists(Directory))
        {
            System.IO.Directory.Delete(Directory, recursive: true);
        }
    }
}
