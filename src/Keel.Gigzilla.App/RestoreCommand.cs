using Keel.Gigzilla.Backups;
using Spectre.Console;

namespace Keel.Gigzilla.App;

/// <summary><c>gigzilla restore FILE</c>: replaces the store with a backup, keeping the current data aside.</summary>
internal static class RestoreCommand
{
    private const string Help = """
        Usage: gigzilla restore FILE

        Replaces the store with the backup in FILE. The file must decrypt (with $GIGZILLA_BACKUP_PASSPHRASE or this
        installation's backup.key) and hold a sound Gigzilla database, or nothing changes. The current store is moved
        to a before-restore-TIMESTAMP folder beside it, never overwritten.

        Options:
          -h, --help   Show this help
        """;

    public static int Run(IReadOnlyList<string> args, CliEnvironment environment)
    {
        if (!CommandArguments.TryRead(args, environment, "restore", Help, [], [], out var arguments, out var exitCode))
        {
            return exitCode;
        }

        if (arguments.Words.Count != 1)
        {
            return GigzillaCommandLine.Fail(environment, "give one backup FILE, e.g. gigzilla restore gigzilla-20260201-030000-000.gzbackup");
        }

        var passphrase = environment.Variable(BackupKey.PassphraseVariable);
        var restored = RestoreBackup.Run(
            environment.DataDirectory,
            Path.GetFullPath(arguments.Words[0]),
            usesPassphrase => usesPassphrase
                ? passphrase is { Length: > 0 } ? BackupKey.FromPassphrase(passphrase) : null
                : BackupKey.ForInstall(environment.DataDirectory, create: false),
            environment.Clock);
        if (restored.Value is not { } result)
        {
            return GigzillaCommandLine.Fail(environment, restored.Failure!);
        }

        environment.Console().MarkupLineInterpolated($"[green]Restored[/] {result.Projects} projects from {Path.GetFileName(arguments.Words[0])}; the previous data is in {result.KeptAside}");
        return 0;
    }
}
