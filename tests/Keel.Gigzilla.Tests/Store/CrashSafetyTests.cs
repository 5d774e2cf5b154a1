using System.Diagnostics;
using System.Globalization;

namespace Keel.Gigzilla.Tests.Store;

/// <summary>Runs the real <c>gigzilla</c> process adding projects in a loop and kills it (SIGKILL) mid-way.</summary>
public sealed class CrashSafetyTests : IDisposable
{
    private const int ConfirmationsBeforeKill = 60;

    private static readonly string[] Clients = ["Acme Corp", "Nordic Wool", "Vela Yoga"];

    private readonly TestWorkspace workspace = new();

    [Fact]
    public async Task Killing_the_process_mid_write_never_corrupts_the_store_or_loses_a_saved_project()
    {
        var reported = new List<string>();
        for (var round = 0; round < 3; round++)
        {
            reported.AddRange(await AddUntilKilledAsync(round));
        }

        using var store = workspace.OpenStore();
        store.Scalar("PRAGMA integrity_check").ShouldBe("ok");
        store.Query("PRAGMA foreign_key_check", reader => reader.GetString(0)).ShouldBeEmpty();
        var saved = store.Query("SELECT title FROM projects", reader => reader.GetString(0)).ToHashSet();
        reported.Count.ShouldBeGreaterThanOrEqualTo(3 * ConfirmationsBeforeKill);
        reported.Where(title => !saved.Contains(title)).ShouldBeEmpty();
        store.Scalar("SELECT COUNT(*) FROM clients").ShouldBe(3L);
    }

    /// <summary>Feeds lines to <c>gigzilla add -</c> until enough are confirmed, kills it, returns the confirmed titles.</summary>
    private async Task<List<string>> AddUntilKilledAsync(int round)
    {
        var start = new ProcessStartInfo(Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") ?? "dotnet")
        {
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var arg in new[] { Path.Combine(AppContext.BaseDirectory, "gigzilla.dll"), "--data", workspace.Directory, "add", "-" })
        {
            start.ArgumentList.Add(arg);
        }

        using var process = Process.Start(start)!;
        using var stop = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        var feeding = Task.Run(
            async () =>
            {
                try
                {
                    for (var i = 0; !stop.IsCancellationRequested; i++)
                    {
                        await process.StandardInput.WriteLineAsync(string.Create(CultureInfo.InvariantCulture, $"Crash{round}x{i} for {Clients[round]}, €{i + 1}"));
                        await process.StandardInput.FlushAsync();
                    }
                }
                catch (IOException)
                {
                    // The process is gone: its standard input pipe is closed.
                }
            },
            stop.Token);

        var confirmed = new List<string>();
        while (confirmed.Count < ConfirmationsBeforeKill && await process.StandardOutput.ReadLineAsync(stop.Token) is { } line)
        {
            if (line.StartsWith("Created: ", StringComparison.Ordinal))
            {
                confirmed.Add(line["Created: ".Length..].Split(' ')[0]);
            }
        }

        process.Kill(entireProcessTree: true);
        await process.WaitForExitAsync(stop.Token);
        await stop.CancelAsync();
        await feeding.ContinueWith(_ => { }, TaskScheduler.Default);
        confirmed.Count.ShouldBe(ConfirmationsBeforeKill, await process.StandardError.ReadToEndAsync());
        return confirmed;
    }

    public void Dispose() => workspace.Dispose();
}
