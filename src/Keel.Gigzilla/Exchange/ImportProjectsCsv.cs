using System.Globalization;
using Keel.Gigzilla.Clients;
using Keel.Gigzilla.Projects;
using Keel.Gigzilla.Store;

namespace Keel.Gigzilla.Exchange;

/// <summary>
/// Imports projects from a CSV with a header: <c>title</c> (required), <c>client</c>, <c>amount</c>, <c>currency</c>,
/// <c>status</c>, <c>deadline</c> (YYYY-MM-DD), and optionally <c>id</c> (as written by export). Clients are created
/// as needed; rows whose id is already stored are skipped, so importing an export twice adds nothing. The file is
/// imported whole or not at all: the first bad row fails it with its line number.
/// </summary>
internal static class ImportProjectsCsv
{
    public sealed record Result(int Added, int Skipped);

    public static Outcome<Result> Run(GigzillaStore store, TextReader input, string source)
    {
        using var records = CsvFormat.ReadRecords(input).GetEnumerator();
        if (!records.MoveNext() || !records.Current.Fields.Any(name => name.Trim().Equals("title", StringComparison.OrdinalIgnoreCase)))
        {
            return new Failure($"{source} has no header with a 'title' column; expected title,client,amount,currency,status,deadline");
        }

        var columns = records.Current.Fields
            .Select((name, index) => (Name: name.Trim().ToLowerInvariant(), Index: index))
            .GroupBy(column => column.Name)
            .ToDictionary(group => group.Key, group => group.First().Index);
        var defaultCurrency = Settings.SettingsDocuments.LoadSettings(store).Currency;
        return store.Write<Result>(() =>
        {
            var added = 0;
            var skipped = 0;
            while (records.MoveNext())
            {
                var (line, fields) = records.Current;
                var row = ReadRow(name => columns.TryGetValue(name, out var index) && index < fields.Count ? fields[index].Trim() : "", defaultCurrency);
                if (row.Value is not { } project)
                {
                    return new Failure($"{source} line {line}: {row.Failure!.Message}");
                }

                if (project.Id is { } id && store.Scalar("SELECT 1 FROM projects WHERE id = $id", ("$id", id)) is not null)
                {
                    skipped++;
                    continue;
                }

                var clientId = project.Client is { Length: > 0 } client ? FindOrCreateClient.Run(store, client).Id : null;
                var now = store.Timestamp();
                store.Execute(
                    """
                    INSERT INTO projects (id, client_id, title, amount, currency, status, deadline, created_at, updated_at)
                    VALUES ($id, $client, $title, $amount, $currency, $status, $deadline, $now, $now)
                    """,
                    ("$id", project.Id ?? StoredValues.NewId()),
                    ("$client", clientId),
                    ("$title", project.Title),
                    ("$amount", project.Amount),
                    ("$currency", project.Currency),
                    ("$status", project.Status.ToStored()),
                    ("$deadline", project.Deadline),
                    ("$now", now));
                added++;
            }

            return new Result(added, skipped);
        });
    }

    private static Outcome<Row> ReadRow(Func<string, string> column, string defaultCurrency)
    {
        var title = column("title");
        if (title.Length == 0)
        {
            return new Failure("the title is empty");
        }

        var id = column("id");
        if (id.Length > 0 && (id.Length != 32 || !id.All(char.IsAsciiHexDigitLower)))
        {
            return new Failure($"id '{id}' is not an id written by gigzilla export; leave the column empty");
        }

        decimal? amount = null;
        var amountText = column("amount");
        if (amountText.Length > 0)
        {
            if (!decimal.TryParse(amountText, NumberStyles.Number, CultureInfo.InvariantCulture, out var parsed) || parsed < 0)
            {
                return new Failure($"amount '{amountText}' is not a positive number such as 1500 or 1250.50");
            }

            amount = parsed;
        }

        var currency = column("currency").ToUpperInvariant();
        if (currency.Length == 0)
        {
            currency = defaultCurrency;
        }
        else if (currency.Length != 3 || !currency.All(char.IsAsciiLetterUpper))
        {
            return new Failure($"currency '{currency}' is not an ISO code such as EUR or USD");
        }

        var statusText = column("status");
        var status = ProjectStatus.ToStart;
        if (statusText.Length > 0)
        {
            var match = Enum.GetValues<ProjectStatus>().Where(value => value.ToStored() == statusText.ToLowerInvariant()).ToList();
            if (match.Count == 0)
            {
                return new Failure($"status '{statusText}' is not to_start, working, done or paid");
            }

            status = match[0];
        }

        DateOnly? deadline = null;
        var deadlineText = column("deadline");
        if (deadlineText.Length > 0)
        {
            if (!DateOnly.TryParseExact(deadlineText, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var parsed))
            {
                return new Failure($"deadline '{deadlineText}' is not a date as YYYY-MM-DD");
            }

            deadline = parsed;
        }

        return new Row(id.Length > 0 ? id : null, title, column("client"), amount, currency, status, deadline);
    }

    private sealed record Row(string? Id, string Title, string Client, decimal? Amount, string Currency, ProjectStatus Status, DateOnly? Deadline);
}
