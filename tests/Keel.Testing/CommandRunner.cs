using System.Diagnostics;

namespace Keel.Testing;

internal static class CommandRunner
{
    /// <summary>Runs a program to completion and returns its combined output; a non-zero exit code throws.</summary>
    public static async Task<string> RunAsync(
        string fileName, IEnumerable<string> arguments, string? workingDirectory = null, TimeSpan? timeout = null)
    {
        var (exitCode, output) = await TryRunAsync(fileName, arguments, workingDirectory, timeout);
        if (exitCode != 0)
        {
            throw new InvalidOperationException($"'{fileName}' exited with code {exitCode}:{Environment.NewLine}{output}");
        }

        return output;
    }

    public static async Task<(int ExitCode, string Output)> TryRunAsync(
        string fileName, IEnumerable<string> arguments, string? workingDirectory = null, TimeSpan? timeout = null)
    {
        var startInfo = new ProcessStartInfo(fileName)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = true,
            UseShellExecute = false,
            WorkingDirectory = workingDirectory ?? "/",
        };
        foreach (var argument in arguments)
        {
            startInfo.ArgumentList.Add(argument);
        }

        using var process = Process.Start(startInfo)
            ?? throw new InvalidOperationException($"Could not start '{fileName}'.");
        process.StandardInput.Close();
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        using var deadline = new CancellationTokenSource(timeout ?? TimeSpan.FromSeconds(60));
        try
        {
            await process.WaitForExitAsync(deadline.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"'{fileName} {string.Join(' ', startInfo.ArgumentList)}' did not finish in time.");
        }

        return (process.ExitCode, (await stdout + await stderr).Trim());
    }
}
