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
            var changed = ChangeSetting.Run(store, words[1], words[2]);
            if (changed.Value is not { } value)
            {
                return GigzillaCommandLine.Fail(environment, changed.Failure!);
            }

            settings = value;
        }

        var table = new Table().AddColumns("Setting", "Value");
        foreach (var (name, node) in JsonSerializer.SerializeToNode(settings, SettingsDocuments.Json)!.AsObject())
        {
            table.AddRow(new Text(name), new Text(node?.ToJsonString() ?? "null"));
        }

        environment.Console().Write(table);
        return 0;
    }
}
