using Keel.Gigzilla.Backups;
using Spectre.Console;

namespace Keel.Gigzilla.App;

/// <summary><c>gigzilla backup [--to FOLDER]</c>: an encrypted snapshot of the store.</summary>
internal static class BackupCommand
{
    private const string Help = """
        Usage: gigzilla backup [--to FOLDER]

        Writes an encrypted backup (AES-256-GCM) of the store to FOLDER (default: the store's backups folder) and keeps
        the newest backupKeepCount (30) there. The key is derived from $GIGZILLA_BACKUP_PASSPHRASE when it is set,
        else it is this installation's backup.key beside the store (created on first use): keep a copy of that file
        somewhere safe, or the backups cannot be read on another computer.

        Options:
          --to FOLDER   Where to write the backup
          -h, --help    Show this help
        """;

    public static int Run(IReadOnlyList<string> args, CliEnvironment environment)
    {
        if (!CommandArguments.TryRead(args, environment, "backup", Help, ["--to"], [], out var arguments, out var exitCode))
        {
            return exitCode;
        }

        if (arguments.Words.Count > 0)
        {
            return GigzillaCommandLine.Fail(environment, $"unexpected '{arguments.Words[0]}' (run 'gigzilla backup --help')");
        }

        using var store = environment.OpenStore();
        var key = environment.Variable(BackupKey.PassphraseVariable) is { Length: > 0 } passphrase
            ? BackupKey.FromPassphrase(passphrase)
            : BackupKey.ForInstall(environment.DataDirectory, create: true)!;
        var folder = arguments.Options.TryGetValue("--to", out var to) ? Path.GetFullPath(to) : null;
        var result = CreateBackup.Run(store, key, folder);
        environment.Console().MarkupLineInterpolated($"[green]Backed up[/] to {result.Path}{(result.Removed > 0 ? $" (removed {result.Removed} old)" : "")}");
        return 0;
    }
}
