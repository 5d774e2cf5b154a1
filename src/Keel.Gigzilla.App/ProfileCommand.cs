using System.Text.Json;
using Keel.Gigzilla.Settings;
using Spectre.Console;

namespace Keel.Gigzilla.App;

/// <summary><c>gigzilla profile [set NAME VALUE]</c>: who you are on invoices and in mail.</summary>
internal static class ProfileCommand
{
    private const string Help = """
        Usage: gigzilla profile
               gigzilla profile set NAME VALUE

        Shows your profile, or sets one field. Invoices print it (logo, brandColor, bank details, footer); mail goes
        from your email; e-invoices need at least name, countryCode and, with VAT, vatId. An empty VALUE clears a field;
        \n in a value starts a new line. Examples:
          gigzilla profile set email jane@example.com
          gigzilla profile set address "Hauptstr. 1"
          gigzilla profile set countryCode DE
          gigzilla profile set iban "DE89 3704 0044 0532 0130 00"
          gigzilla profile set logo ./logo.png
          gigzilla profile set brandColor "#E4572E"

        Options:
          -h, --help   Show this help
        """;

    public static int Run(IReadOnlyList<string> args, CliEnvironment environment)
    {
        if (!CommandArguments.TryRead(args, environment, "profile", Help, [], [], out var arguments, out var exitCode))
        {
            return exitCode;
        }

        var words = arguments.Words;
        if (words.Count > 0 && (words[0] != "set" || words.Count != 3))
        {
            return GigzillaCommandLine.Fail(environment, "usage: gigzilla profile, or gigzilla profile set NAME VALUE");
        }

        using var store = environment.OpenStore();
        var profile = SettingsDocuments.LoadProfile(store);
        if (words.Count == 3)
        {
            var changed = ChangeProfile.Run(store, words[1], words[2]);
            if (changed.Value is not { } value)
            {
                return GigzillaCommandLine.Fail(environment, changed.Failure!);
            }

            profile = value;
        }

        var table = new Table().AddColumns("Field", "Value");
        foreach (var (name, node) in JsonSerializer.SerializeToNode(profile, SettingsDocuments.Json)!.AsObject())
        {
            var text = node?.GetValue<string>() ?? "";
            table.AddRow(new Text(name), new Text(name == "logo" && text.StartsWith("data:", StringComparison.Ordinal) ? "(embedded image)" : text));
        }

        environment.Console().Write(table);
        return 0;
    }
}
