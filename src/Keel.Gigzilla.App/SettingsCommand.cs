using System.Text.Json;
using Keel.Gigzilla.Settings;
using Spectre.Console;

namespace Keel.Gigzilla.App;

/// <summary><c>gigzilla settings [set NAME VALUE]</c>: shows or changes the settings.</summary>
internal static class SettingsCommand
{
    private const string Help = """
        Usage: gigzilla settings
               gigzilla settings set NAME VALUE

        Shows the settings, or changes one simple setting by name, e.g.
          gigzilla settings set currency USD
          gigzilla settings set invoiceNumberFormat "{YYYY}-{####}"
          gigzilla settings set invoiceDueDays 30
          gigzilla settings set smtpHost smtp.example.com
          gigzilla settings set smtpPassword -     (reads the password from standard input; it is stored
                                                   sealed with this installation's backup.key and never shown)

        Options:
          -h, --help   Show this help
        """;

    public static int Run(IReadOnlyList<string> args, CliEnvironment environment)
    {
        if (!CommandArguments.TryRead(args, environment, "settings", Help, [], [], out var arguments, out var exitCode))
        {
            return exitCode;
        }

        var words = arguments.Words;
        if (words.Count > 0 && (words[0] != "set" || words.Count != 3))
        {
            return GigzillaCommandLine.Fail(environment, "usage: gigzilla settings, or gigzilla settings set NAME VALUE");
        }

        using var store = environment.OpenStore();
        var settings = SettingsDocuments.LoadSettings(store);
        if (words.Count == 3)
        {
            var value = words[2];
            if (words[1].Equals("smtpPassword", StringComparison.OrdinalIgnoreCase) && value.Length > 0)
            {
                value = Mail.SecretSeal.Seal(environment.DataDirectory, value == "-" ? environment.In.ReadLine() ?? "" : value);
            }

            var changed = ChangeSetting.Run(store, words[1], value);
            if (changed.Value is not { } updated)
            {
                return GigzillaCommandLine.Fail(environment, changed.Failure!);
            }

            settings = updated;
        }

        var table = new Table().AddColumns("Setting", "Value");
        foreach (var (name, node) in JsonSerializer.SerializeToNode(settings, SettingsDocuments.Json)!.AsObject())
        {
            var shown = name == "smtpPassword" ? (settings.SmtpPassword.Length == 0 ? "(not set)" : "(set, sealed)") : node?.ToJsonString() ?? "null";
            table.AddRow(new Text(name), new Text(shown));
        }

        environment.Console().Write(table);
        return 0;
    }
}
