using Keel.Gigzilla.Clients;
using Keel.Gigzilla.Invoices;
using Keel.Gigzilla.Settings;
using Keel.Gigzilla.Store;

namespace Keel.Gigzilla.Tests.Automation;

/// <summary>A workspace set up to send mail: a complete profile, a client with an email, backups off unless asked.</summary>
internal static class Freelancer
{
    public static void Prepare(GigzillaStore store, bool backups = false, Func<WorkspaceSettings, WorkspaceSettings>? settings = null)
    {
        SettingsDocuments.SaveProfile(store, new Profile
        {
            Name = "Jane Doe",
            BusinessName = "Doe Design",
            Email = "jane@doe.example",
            Address = "Hauptstr. 1",
            PostalCode = "10115",
            City = "Berlin",
            CountryCode = "DE",
            VatId = "DE123456789",
            Iban = "DE89 3704 0044 0532 0130 00",
            Bic = "COBADEFFXXX",
            BankDetails = "Commerzbank Berlin",
            BrandColor = "#E4572E",
            InvoiceFooter = "Doe Design · Hauptstr. 1 · 10115 Berlin · Tax no. 12/345/67890",
        });
        var defaults = new WorkspaceSettings { BackupEnabled = backups };
        SettingsDocuments.SaveSettings(store, settings?.Invoke(defaults) ?? defaults);
    }

    /// <summary>Adds the project and gives its client an email address.</summary>
    public static Keel.Gigzilla.Projects.Project AddProject(TestWorkspace workspace, GigzillaStore store, string line, string? email = "billing@acme.example", string? strategy = null)
    {
        var project = workspace.AddProject(store, line);
        UpdateClient.Run(store, new UpdateClient.Request(project.ClientName!, email, strategy, "1 Rue de la Paix\n75002 Paris", "FR", "FR12345678901")).Failure.ShouldBeNull();
        return project;
    }

    /// <summary>Creates and sends an invoice for a new project today (due invoiceDueDays later).</summary>
    public static Invoice SendNew(TestWorkspace workspace, GigzillaStore store, string line, string? strategy = null)
    {
        var project = AddProject(workspace, store, line, strategy: strategy);
        CreateInvoice.Run(store, project.Id).Failure.ShouldBeNull();
        return SendInvoice.Run(store, project.Id).Value!;
    }

    public static IReadOnlyList<(string To, string Subject, string Status, int Attempts, string? DeliveredAs)> Outbox(GigzillaStore store) =>
        store.Query(
            "SELECT to_address, subject, status, attempts, delivered_as FROM outbox ORDER BY created_at, rowid",
            reader => (reader.GetString(0), reader.GetString(1), reader.GetString(2), reader.GetInt32(3), reader.NullableString(4)));
}
