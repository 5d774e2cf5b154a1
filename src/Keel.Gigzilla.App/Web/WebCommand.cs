using System.Diagnostics;
using Keel.Gigzilla.Store;

namespace Keel.Gigzilla.App.Web;

/// <summary><c>gigzilla [--no-browser]</c>: runs the local web app until Ctrl+C.</summary>
internal static class WebCommand
{
    public static int Run(IReadOnlyList<string> args, CliEnvironment environment)
    {
        var openBrowser = true;
        foreach (var arg in args)
        {
            switch (arg)
            {
                case "--no-browser":
                    openBrowser = false;
                    break;
                default:
                    return GigzillaCommandLine.Fail(environment, $"unknown option '{arg}' (run 'gigzilla --help')");
            }
        }

        var options = LocalAppOptions.From(environment.DataDirectory, environment.Clock, environment.Variable);
        // The store is opened (and migrated) before the server listens, so that a broken store fails at once.
        GigzillaStore.Open(options.DataDirectory, options.Clock).Dispose();
        var app = LocalApp.StartAsync(options).GetAwaiter().GetResult();
        try
        {
            environment.Out.WriteLine($"Gigzilla is running at {app.Address} (data in {options.DataDirectory}). Press Ctrl+C to stop.");
            if (!openBrowser || !TryOpen(app.LaunchUrl))
            {
                environment.Out.WriteLine($"Open {app.LaunchUrl} in your browser.");
            }

            environment.Out.Flush();
            app.Stopping.WaitHandle.WaitOne();
        }
        finally
        {
            app.DisposeAsync().AsTask().GetAwaiter().GetResult();
        }

        return 0;
    }

    private static bool TryOpen(Uri url)
    {
        var (command, arguments) = OperatingSystem.IsWindows() ? ("cmd", $"/c start \"\" \"{url}\"")
            : OperatingSystem.IsMacOS() ? ("open", url.ToString())
            : ("xdg-open", url.ToString());
        try
        {
            using var process = Process.Start(new ProcessStartInfo(command, arguments) { UseShellExecute = false, RedirectStandardError = true, RedirectStandardOutput = true });
            return process is not null;
        }
        catch (System.ComponentModel.Win32Exception)
        {
            return false;
        }
    }
}
