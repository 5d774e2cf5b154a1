namespace Keel.Gigzilla.App;

/// <summary>A command's words and options: <c>--name VALUE</c>, <c>--name=VALUE</c>, flags, and <c>--</c> ending options.</summary>
internal sealed record CommandArguments(IReadOnlyList<string> Words, IReadOnlyDictionary<string, string> Options, IReadOnlySet<string> Flags)
{
    /// <summary>
    /// Reads <paramref name="args"/>; on <c>--help</c> prints <paramref name="help"/> and on a mistake prints one error
    /// line, returning false with the exit code to return.
    /// </summary>
    public static bool TryRead(
        IReadOnlyList<string> args,
        CliEnvironment environment,
        string command,
        string help,
        IReadOnlyCollection<string> valueOptions,
        IReadOnlyCollection<string> flagOptions,
        out CommandArguments arguments,
        out int exitCode)
    {
        arguments = new CommandArguments([], new Dictionary<string, string>(), new HashSet<string>());
        exitCode = 0;
        var words = new List<string>();
        var options = new Dictionary<string, string>(StringComparer.Ordinal);
        var flags = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < args.Count; i++)
        {
            var arg = args[i];
            if (arg == "--")
            {
                words.AddRange(args.Skip(i + 1));
                break;
            }

            if (arg is "--help" or "-h")
            {
                environment.Out.WriteLine(help);
                return false;
            }

            var isOption = arg.Length > 1 && arg[0] == '-' && !char.IsAsciiDigit(arg[1]) && arg[1] != '.';
            if (!isOption)
            {
                words.Add(arg);
                continue;
            }

            var equals = arg.IndexOf('=');
            var (name, inline) = arg.StartsWith("--", StringComparison.Ordinal) && equals > 2 ? (arg[..equals], arg[(equals + 1)..]) : (arg, null);
            if (flagOptions.Contains(name) && inline is null)
            {
                flags.Add(name);
            }
            else if (valueOptions.Contains(name))
            {
                var value = inline ?? (i + 1 < args.Count ? args[++i] : null);
                if (value is null)
                {
                    exitCode = GigzillaCommandLine.Fail(environment, $"{name} needs a value (run 'gigzilla {command} --help')");
                    return false;
                }

                options[name] = value;
            }
            else
            {
                exitCode = GigzillaCommandLine.Fail(environment, $"unknown option '{arg}' (run 'gigzilla {command} --help' for the options)");
                return false;
            }
        }

        arguments = new CommandArguments(words, options, flags);
        return true;
    }
}
