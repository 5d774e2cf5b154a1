using Keel.Platform;
using Keel.Platform.Accounts;
using Keel.FixCi.Analysis;
using Keel.Platform.Data;
using Keel.Platform.Licensing;
using Microsoft.EntityFrameworkCore;
using Spectre.Console;

namespace Keel.Server.Cli;

/// <summary>The server executable's subcommands, so a self-hoster never needs SQL.</summary>
internal static class Commands
{
    private const string Usage = """
        Usage: Keel.Server [command]

        Without a command, runs the server.

        Commands:
          migrate                                    Apply database migrations and exit
          admin create --email EMAIL [--password P] [--name NAME]
                                                     Create an administrator, or make an existing account one
          licenses rotate-key                        Start signing offline license tokens with a new key
                                                     (tokens signed with the old one stay valid)
          fixci analyze --fail FILE [--pass FILE] [--json]
                                                     Find the lines that explain a failed CI log

        Configuration comes from appsettings.json, environment variables (Keel__Database__Provider=Postgres)
        or arguments (--Keel:Database:Provider=Postgres), for the server and every command alike.
        """;

    public static async Task<int> RunAsync(string[] args)
    {
        // Configuration overrides (--Keel:Database:Provider=Postgres) may accompany any command, as for the server.
        var configuration = args.Where(a => a.StartsWith("--", StringComparison.Ordinal) && a.Contains(':') && a.Contains('=')).ToArray();
        args = args.Except(configuration).ToArray();
        try
        {
            return args switch
            {
                ["migrate"] => await MigrateAsync(configuration),
                ["admin", "create", .. var rest] => await CreateAdminAsync(rest, configuration),
                ["fixci", "analyze", .. var rest] => await AnalyzeCommand.RunAsync(rest, Console.Out, Console.Error),
                ["licenses", "rotate-key"] => await RotateLicenseKeyAsync(configuration),
                ["help" or "--help" or "-h"] => Help(),
                _ => Fail($"Unknown command '{string.Join(' ', args)}'. Run with --help for the list."),
            };
        }
        catch (CommandException e)
        {
            return Fail(e.Message);
        }
    }

    private static int Help()
    {
        Console.WriteLine(Usage);
        return 0;
    }

    private static int Fail(string message)
    {
        Console.Error.WriteLine($"error: {message}");
        return 1;
    }

    private static async Task<int> MigrateAsync(string[] args)
    {
        var app = KeelServer.Build(args);
        await AnsiConsole.Status().StartAsync("Applying migrations...", async _ => await app.Services.MigrateKeelDatabaseAsync());
        AnsiConsole.MarkupLine("[green]Database is up to date.[/]");
        return 0;
    }

    private static async Task<int> CreateAdminAsync(string[] args, string[] configuration)
    {
        var options = CommandOptions.Parse(args, "--email", "--password", "--name");
        var email = options.GetValueOrDefault("--email") ?? throw new CommandException("--email is required.");
        if (!EmailAddress.IsValid(email)) throw new CommandException($"'{email}' is not a valid email address.");
        var password = options.GetValueOrDefault("--password");
        if (password is { Length: < Limits.MinPassword }) throw new CommandException($"A password has at least {Limits.MinPassword} characters.");

        var app = KeelServer.Build(configuration);
        await app.Services.MigrateKeelDatabaseAsync();
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<KeelDbContext>();
        var time = scope.ServiceProvider.GetRequiredService<TimeProvider>();
        var normalized = EmailAddress.Normalize(email);
        var account = await db.Accounts.FirstOrDefaultAsync(a => a.NormalizedEmail == normalized);
        var created = account is null;
        if (account is null)
        {
            account = new Account { Id = Ids.New(time), Email = email.Trim(), NormalizedEmail = normalized, CreatedAt = time.GetUtcNow() };
            db.Accounts.Add(account);
        }
        account.IsAdmin = true;
        account.DisplayName ??= options.GetValueOrDefault("--name");
        if (password is not null) account.PasswordHash = Passwords.Hash(password);
        await db.SaveChangesAsync();

        AnsiConsole.MarkupLine(created
            ? $"[green]Created administrator[/] {Markup.Escape(account.Email)}"
            : $"[green]{Markup.Escape(account.Email)} is now an administrator[/]");
        if (password is null && account.PasswordHash is null)
            AnsiConsole.MarkupLine("No password set: sign in with a magic link (POST /api/v1/auth/magic-link).");
        return 0;
    }

    private static async Task<int> RotateLicenseKeyAsync(string[] configuration)
    {
        var app = KeelServer.Build(configuration);
        await app.Services.MigrateKeelDatabaseAsync();
        var keyId = await app.Services.GetRequiredService<OfflineTokens>().RotateAsync(CancellationToken.None);
        AnsiConsole.MarkupLine($"[green]Offline license tokens are now signed with key[/] {Markup.Escape(keyId)}");
        return 0;
    }
}

internal sealed class CommandException(string message) : Exception(message);

internal static class CommandOptions
{
    /// <summary>Reads <c>--name value</c> pairs; anything unknown or without a value is an error.</summary>
    public static Dictionary<string, string> Parse(string[] args, params string[] known)
    {
        var values = new Dictionary<string, string>(StringComparer.Ordinal);
        for (var i = 0; i < args.Length; i++)
        {
            if (!known.Contains(args[i])) throw new CommandException($"Unknown option '{args[i]}'. Known: {string.Join(", ", known)}.");
            if (i + 1 >= args.Length) throw new CommandException($"{args[i]} needs a value.");
            values[args[i]] = args[++i];
        }
        return values;
    }
}
