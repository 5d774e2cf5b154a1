using System.Globalization;
using System.Text.Encodings.Web;
using System.Text.Json;
using Keel.Gigzilla.Clients;
using Keel.Gigzilla.QuickEntry;
using Keel.Gigzilla.Settings;
using Keel.Gigzilla.Store;
using Spectre.Console;

namespace Keel.Gigzilla.App;

/// <summary><c>gigzilla parse [--today YYYY-MM-DD] [--known-client NAME]... [--json] TEXT</c>: prints the parse, saves nothing.</summary>
internal static class ParseCommand
{
    private const string Help = """
        Usage: gigzilla parse [--today YYYY-MM-DD] [--known-client NAME]... [--json] TEXT

        Shows how a quick-entry line is understood, without saving anything.

        Arguments:
          TEXT                   The line, e.g. "Logo for Acme Corp, €1,500, 2 weeks". Several words are joined with spaces.

        Options:
          --today YYYY-MM-DD     Resolve relative dates against this day instead of today
          --known-client NAME    A client to recognise anywhere in the line; repeatable. Replaces the stored clients
          --json                 Print one JSON object: {"title","client","amount","currency","deadline"}
          -h, --help             Show this help
          --                     Treat everything after as TEXT
        """;

    private static readonly JsonWriterOptions JsonOptions = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    public static int Run(IReadOnlyList<string> args, CliEnvironment environment)
    {
        var request = ParseArguments(args, out var error);
        if (request is null)
        {
            if (error is null)
            {
                environment.Out.WriteLine(Help);
                return 0;
            }

            return GigzillaCommandLine.Fail(environment, error);
        }

        var today = request.Today ?? environment.Today;
        IReadOnlyCollection<string> knownClients = request.KnownClients;
        var currency = new WorkspaceSettings().Currency;
        if (GigzillaStore.ExistsIn(environment.DataDirectory))
        {
            using var store = environment.OpenStore();
            currency = SettingsDocuments.LoadSettings(store).Currency;
            if (knownClients.Count == 0)
            {
                knownClients = StoredClientNames.Load(store);
            }
        }

        var entry = QuickEntryParser.Parse(request.Text, today, knownClients, currency);
        if (request.Json)
        {
            environment.Out.WriteLine(ToJson(entry));
        }
        else
        {
            WriteTable(entry, today, environment);
        }

        return 0;
    }

    /// <summary>The request, or null with <paramref name="error"/> null when help was asked for.</summary>
    private static ParseRequest? ParseArguments(IReadOnlyList<string> args, out string? error)
    {
        error = null;
        DateOnly? today = null;
        var knownClients = new List<string>();
        var json = false;
        var words = new List<string>();
        for (var i = 0; i < args.Count; i++)
        {
            var arg = args[i];
            if (arg == "--")
            {
                words.AddRange(args.Skip(i + 1));
                break;
            }

            var (name, inlineValue) = SplitOption(arg);
            switch (name)
            {
                case "--help" or "-h":
                    return null;
                case "--json" when inlineValue is null:
                    json = true;
                    break;
                case "--today" or "--known-client":
                    var value = inlineValue ?? (i + 1 < args.Count ? args[++i] : null);
                    if (value is null)
                    {
                        error = name == "--today" ? "--today needs a date as YYYY-MM-DD" : "--known-client needs a client name";
                        return null;
                    }

                    if (name == "--known-client")
                    {
                        knownClients.Add(value);
                    }
                    else if (DateOnly.TryParseExact(value, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
                    {
                        today = date;
                    }
                    else
                    {
                        error = $"invalid --today '{value}': expected a date as YYYY-MM-DD, e.g. 2026-02-01";
                        return null;
                    }

                    break;
                default:
                    if (arg.Length > 1 && arg[0] == '-' && !char.IsAsciiDigit(arg[1]))
                    {
                        error = $"unknown option '{arg}' (run 'gigzilla parse --help' for the options)";
                        return null;
                    }

                    words.Add(arg);
                    break;
            }
        }

        var text = string.Join(' ', words).Trim();
        if (text.Length == 0)
        {
            error = "missing TEXT: say what to parse, e.g. gigzilla parse \"Logo for Acme Corp, €1,500, 2 weeks\"";
            return null;
        }

        return new ParseRequest(text, today, knownClients, json);
    }

    private static (string Name, string? Value) SplitOption(string arg)
    {
        var equals = arg.IndexOf('=');
        return arg.StartsWith("--", StringComparison.Ordinal) && equals > 2 ? (arg[..equals], arg[(equals + 1)..]) : (arg, null);
    }

    internal static string ToJson(ParsedQuickEntry entry)
    {
        using var buffer = new MemoryStream();
        using (var json = new Utf8JsonWriter(buffer, JsonOptions))
        {
            json.WriteStartObject();
            json.WriteString("title", entry.Title);
            json.WriteString("client", entry.Client);
            if (entry.Amount is { } amount)
            {
                json.WriteNumber("amount", amount);
            }
            else
            {
                json.WriteNull("amount");
            }

            json.WriteString("currency", entry.Currency);
            json.WriteString("deadline", entry.Deadline?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
            json.WriteEndObject();
        }

        return System.Text.Encoding.UTF8.GetString(buffer.ToArray());
    }

    private static void WriteTable(ParsedQuickEntry entry, DateOnly today, CliEnvironment environment)
    {
        var console = environment.Console();
        console.MarkupLineInterpolated($"[bold]{EntrySummary.Format(entry, today)}[/]");

        var grid = new Grid().AddColumn().AddColumn();
        grid.AddRow(new Markup("[grey]Title[/]"), new Text(entry.Title.Length > 0 ? entry.Title : "(none)"));
        grid.AddRow(new Markup("[grey]Client[/]"), new Text(entry.Client ?? "(none)"));
        grid.AddRow(new Markup("[grey]Amount[/]"), new Text(entry.Amount is { } amount ? $"{new Money(amount, entry.Currency)} ({entry.Currency})" : $"(none; currency {entry.Currency})"));
        grid.AddRow(new Markup("[grey]Deadline[/]"), new Text(entry.Deadline?.ToString("yyyy-MM-dd (ddd)", CultureInfo.InvariantCulture) ?? "(none)"));
        console.Write(grid);
    }

    private sealed record ParseRequest(string Text, DateOnly? Today, IReadOnlyCollection<string> KnownClients, bool Json);
}
