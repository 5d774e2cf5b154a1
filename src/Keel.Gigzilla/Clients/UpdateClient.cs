using Keel.Gigzilla.Automation;
using Keel.Gigzilla.Store;

namespace Keel.Gigzilla.Clients;

/// <summary>Sets a client's email, reminder strategy, address, country and VAT ID (for invoices and reminders).</summary>
internal static class UpdateClient
{
    public sealed record Request(string Client, string? Email = null, string? Strategy = null, string? Address = null, string? CountryCode = null, string? VatId = null);

    public static Outcome<Client> Run(GigzillaStore store, Request request)
    {
        if (request.Email is { } email && (email.Length > 254 || !email.Contains('@', StringComparison.Ordinal) || !MimeKit.MailboxAddress.TryParse(email, out _)))
        {
            return new Failure($"'{email}' is not an email address");
        }

        if (request.Strategy is { } strategy && !ReminderPlan.Strategies.Contains(strategy))
        {
            return new Failure($"unknown reminder strategy '{strategy}'; use one of {string.Join(", ", ReminderPlan.Strategies)}");
        }

        if (request.CountryCode is { } country && (country.Length != 2 || !country.All(char.IsAsciiLetter)))
        {
            return new Failure($"'{country}' is not a two-letter country code such as DE or FR");
        }

        return store.Write<Client>(() =>
        {
            var matches = store.Query(
                "SELECT id, name, email, reminder_strategy FROM clients WHERE name = $name COLLATE NOCASE OR id LIKE lower($name) || '%'",
                reader => new Client(reader.GetString(0), reader.GetString(1), reader.NullableString(2), reader.GetString(3)),
                ("$name", request.Client.Trim()));
            if (matches.Count != 1)
            {
                return new Failure(matches.Count == 0
                    ? $"no client named '{request.Client}' (run 'gigzilla clients' to list them)"
                    : $"'{request.Client}' matches {matches.Count} clients; use the id");
            }

            var client = matches[0];
            store.Execute(
                """
                UPDATE clients SET email = COALESCE($email, email), reminder_strategy = COALESCE($strategy, reminder_strategy),
                    address = COALESCE($address, address), country_code = COALESCE($country, country_code),
                    vat_id = COALESCE($vat, vat_id), updated_at = $now
                WHERE id = $id
                """,
                ("$email", request.Email),
                ("$strategy", request.Strategy),
                ("$address", request.Address?.Replace("\\n", "\n", StringComparison.Ordinal)),
                ("$country", request.CountryCode?.ToUpperInvariant()),
                ("$vat", request.VatId),
                ("$now", store.Timestamp()),
                ("$id", client.Id));
            return client with { Email = request.Email ?? client.Email, ReminderStrategy = request.Strategy ?? client.ReminderStrategy };
        });
    }
}
