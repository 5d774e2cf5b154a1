using System.Diagnostics;
using System.Runtime.InteropServices;

namespace Keel.Testing;

/// <summary>A long-running child process whose recent output is kept for error messages.</summary>
internal sealed class ServerProcess : IDisposable
{
    public const int SigQuit = 3;
    public const int SigTerm = 15;

    const int KeptLines = 200;

    readonly Process process;
    readonly Queue<string> lines = new();
    readonly Lock gate = new();
    readonly Func<string, bool> isReadyLine;
    readonly TaskCompletionSource ready = new(TaskCreationOptions.RunContinuationsAsynchronously);
    readonly TaskCompletionSource exited = new(TaskCreationOptions.RunContinuationsAsynchronously);

    ServerProcess(Process process, Func<string, bool> isReadyLine)
    {
        this.process = process;
        this.isReadyLine = isReadyLine;
    }

    public string Output
    {
        get
        {
            lock (gate)
            {
                return string.Join(Environment.NewLine, lines);
            }
        }
    }

    /// <summary>
    /// Starts <paramref name="fileName"/> under <c>setpriv --pdeathsig</c>, so the kernel sends the server
    /// <paramref name="deathSignal"/> when this test process dies, even when it is killed before its exit handlers
    /// run. Without that, a server outlives the test run and keeps every file descriptor it inherited open
    /// (including locks held by whatever started <c>dotnet test</c>).
    /// </summary>
    /// <param name="setprivOptions">More setpriv options, such as the user to run as.</param>
    /// <param name="deathSignal">A signal name setpriv accepts, e.g. <c>KILL</c>, or <c>QUIT</c> for PostgreSQL's immediate shutdown.</param>
    /// <param name="isReadyLine">Recognises the output line the server prints once it accepts connections.</param>
    public static ServerProcess Start(
        string fileName,
        IEnumerable<string> arguments,
        string workingDirectory,
        Func<string, bool> isReadyLine,
        string deathSignal,
        IEnumerable<string>? setprivOptions = null)
    {
        var setpriv = ExecutableSearch.Find("setpriv", ["/usr/bin", "/bin"], out var searched)
            ?? throw new MissingBinaryException("setpriv", "util-linux", searched);
        var startInfo = new ProcessStartInfo(setpriv)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = true,
            UseShellExecute = false,
            WorkingDirectory = workingDirectory,
        };
        foreach (var argument in (string[])["--pdeathsig", deathSignal, .. setprivOptions ?? [], "--", fileName, .. arguments])
        {
            startInfo.ArgumentList.Add(argument);
        }

        var process = new Process { StartInfo = startInfo, EnableRaisingEvents = true };
        var server = new ServerProcess(process, isReadyLine);
        process.OutputDataReceived += (_, e) => server.OnLine(e.Data);
        process.ErrorDataReceived += (_, e) => server.OnLine(e.Data);
        process.Exited += (_, _) => server.exited.TrySetResult();

        // The death signal fires when the *thread* that started the child ends, not the process. Thread-pool
        // threads retire when idle, so the child is started from a thread that lives exactly as long as it does.
        var started = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var owner = new Thread(() =>
        {
            try
            {
                process.Start();
                started.SetResult();
            }
            catch (Exception exception)
            {
                started.SetException(exception);
                return;
            }

            process.WaitForExit();
        })
        {
            IsBackground = true,
            Name = $"{Path.GetFileName(fileName)} owner",
        };
        owner.Start();
        started.Task.GetAwaiter().GetResult();

        process.StandardInput.Close();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return server;
    }

    /// <summary>Waits for the ready line; throws with the server's output if it exits or stays silent.</summary>
    public async Task WaitUntilReadyAsync(TimeSpan timeout)
    {
        var finished = await Task.WhenAny(ready.Task, exited.Task, Task.Delay(timeout));
        if (finished == ready.Task)
        {
            return;
        }

        if (finished == exited.Task)
        {
            // Exited can be raised before the last output lines are delivered; WaitForExit drains them.
            await process.WaitForExitAsync();
            throw new ServerStartException(
                $"'{process.StartInfo.FileName}' exited with code {process.ExitCode} while starting:{Environment.NewLine}{Output}",
                Output);
        }

        throw new ServerStartException(
            $"'{process.StartInfo.FileName}' was not ready after {timeout.TotalSeconds:0} s:{Environment.NewLine}{Output}", Output);
    }

    /// <summary>Sends <paramref name="signal"/>, waits up to <paramref name="gracePeriod"/> for exit, then kills.</summary>
    public async Task StopAsync(int signal, TimeSpan gracePeriod)
    {
        if (!process.HasExited && Kill(process.Id, signal) == 0)
        {
            await Task.WhenAny(exited.Task, Task.Delay(gracePeriod));
        }

        if (!process.HasExited)
        {
            process.Kill(entireProcessTree: true);
        }

        await process.WaitForExitAsync();
    }

    public void Dispose()
    {
        if (!process.HasExited)
        {
            process.Kill(entireProcessTree: true);
            process.WaitForExit(5000);
        }

        process.Dispose();
    }

    [DllImport("libc", EntryPoint = "kill", SetLastError = true)]
    static extern int Kill(int pid, int signal);

    void OnLine(string? line)
    {
        if (line is null)
        {
            return;
        }

        lock (gate)
        {
            lines.Enqueue(line);
            if (lines.Count > KeptLines)
            {
                lines.Dequeue();
            }
        }

        if (isReadyLine(line))
        {
            ready.TrySetResult();
        }
    }
}
