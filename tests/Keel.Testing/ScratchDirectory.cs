using System.Globalization;

namespace Keel.Testing;

/// <summary>
/// Working directories for fixture servers, named <c>{kind}-{owner pid}-{random}</c> under
/// <c>$TMPDIR/keel-testing</c> so servers left behind by a killed test process can be found and stopped.
/// </summary>
internal static class ScratchDirectory
{
    const UnixFileMode SharedRootMode = UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute |
        UnixFileMode.GroupRead | UnixFileMode.GroupExecute | UnixFileMode.OtherRead | UnixFileMode.OtherExecute;

    static readonly string Root = Path.Combine(Path.GetTempPath(), "keel-testing");

    public static string Create(string kind)
    {
        Directory.CreateDirectory(Root);
        if (!OperatingSystem.IsWindows() && File.GetUnixFileMode(Root) != SharedRootMode)
        {
            // World-traversable so a server running as another user (postgres under root) can reach its directory.
            File.SetUnixFileMode(Root, SharedRootMode);
        }

        var path = Path.Combine(Root, $"{kind}-{Environment.ProcessId}-{Guid.NewGuid():N}");
        Directory.CreateDirectory(path);
        return path;
    }

    /// <summary>
    /// Kills the servers of test processes that died without disposing them, and deletes their directories.
    /// </summary>
    /// <param name="pidFile">The server's pid file, relative to its directory.</param>
    /// <param name="processName">The server's /proc/PID/comm, checked before killing so a reused pid is left alone.</param>
    public static void ReapOrphans(string kind, string pidFile, string processName)
    {
        if (!Directory.Exists(Root))
        {
            return;
        }

        foreach (var directory in Directory.EnumerateDirectories(Root, $"{kind}-*"))
        {
            var parts = Path.GetFileName(directory).Split('-');
            if (parts.Length != 3 || !int.TryParse(parts[1], CultureInfo.InvariantCulture, out var ownerPid) ||
                IsRunning(ownerPid))
            {
                continue;
            }

            KillServer(Path.Combine(directory, pidFile), processName);
            Delete(directory);
        }
    }

    public static void Delete(string path)
    {
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                Directory.Delete(path, recursive: true);
                return;
            }
            catch (DirectoryNotFoundException)
            {
                return;
            }
            catch (IOException) when (attempt < 5)
            {
                // Child processes of a server that just stopped may still be removing their own files.
                Thread.Sleep(100);
            }
            catch (IOException)
            {
                // Left for ReapOrphans of a later run.
                return;
            }
        }
    }

    static bool IsRunning(int pid) => Directory.Exists($"/proc/{pid}");

    static void KillServer(string pidFile, string processName)
    {
        if (!File.Exists(pidFile) ||
            !int.TryParse(File.ReadLines(pidFile).FirstOrDefault(), CultureInfo.InvariantCulture, out var pid))
        {
            return;
        }

        string comm;
        try
        {
            comm = File.ReadAllText($"/proc/{pid}/comm").Trim();
        }
        catch (IOException)
        {
            return;
        }

        if (comm != processName)
        {
            return;
        }

        try
        {
            using var process = System.Diagnostics.Process.GetProcessById(pid);
            process.Kill(entireProcessTree: true);
            process.WaitForExit(5000);
        }
        catch (ArgumentException)
        {
            // Exited between the check and the kill.
        }
    }
}
