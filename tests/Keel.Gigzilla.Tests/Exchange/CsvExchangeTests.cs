using Keel.Gigzilla.Exchange;
using Keel.Gigzilla.Invoices;
using Keel.Gigzilla.Projects;

namespace Keel.Gigzilla.Tests.Exchange;

public sealed class CsvExchangeTests : IDisposable
{
    private readonly TestWorkspace workspace = new();

    [Fact]
    public void Csv_fields_with_commas_quotes_and_line_breaks_round_trip()
    {
        using var writer = new StringWriter();
        CsvFormat.WriteRecord(writer, ["plain", "a, b", "say \"hi\"", "two\nlines", null]);
        CsvFormat.WriteRecord(writer, ["next"]);

        var records = CsvFormat.ReadRecords(new StringReader(writer.ToString())).ToList();

        records[0].Fields.ShouldBe(["plain", "a, b", "say \"hi\"", "two\nlines", ""]);
        records[1].Line.ShouldBe(3);
        records[1].Fields.ShouldBe(["next"]);
    }

    [Fact]
    public void Export_writes_one_file_per_table_with_exact_amounts()
    {
        using var store = workspace.OpenStore();
        var project = workspace.AddProject(store, "Logo for Acme, Corp, $1,250.50");
        CreateInvoice.Run(store, project.Id);
        SendInvoice.Run(store, project.Id);
        RecordPayment.Run(store, new RecordPayment.Request("INV-2026-001", 250.50m));
        var folder = Path.Combine(workspace.Directory, "export");

        var written = ExportCsv.Run(store, folder);

        written.ShouldBe([("clients.csv", 1), ("projects.csv", 1), ("invoices.csv", 1), ("payments.csv", 1), ("credit_notes.csv", 0)]);
        var invoices = CsvFormat.ReadRecords(new StringReader(File.ReadAllText(Path.Combine(folder, "invoices.csv")))).ToList();
        var row = invoices[0].Fields.Zip(invoices[1].Fields).ToDictionary(pair => pair.First, pair => pair.Second);
        row["number"].ShouldBe("INV-2026-001");
        decimal.Parse(row["total"], System.Globalization.CultureInfo.InvariantCulture).ShouldBe(1250.50m);
        decimal.Parse(row["paid_amount"], System.Globalization.CultureInfo.InvariantCulture).ShouldBe(250.50m);
        row["currency"].ShouldBe("USD");
        row["due_date"].ShouldBe("2026-02-15");
    }

    [Fact]
    public void Importing_an_export_into_another_store_restores_the_projects_and_twice_adds_nothing()
    {
        var folder = Path.Combine(workspace.Directory, "export");
        using (var store = workspace.OpenStore())
        {
            workspace.AddProject(store, "Logo for Acme Corp, €1,500, Feb 20");
            workspace.AddProject(store, "Lookbook for Nordic Wool, $900");
            ExportCsv.Run(store, folder);
        }

        using var other = new TestWorkspace();
        using var target = other.OpenStore();
        using (var reader = new StreamReader(Path.Combine(folder, "projects.csv")))
        {
            ImportProjectsCsv.Run(target, reader, "projects.csv").Value.ShouldBe(new ImportProjectsCsv.Result(2, 0));
        }

        using (var reader = new StreamReader(Path.Combine(folder, "projects.csv")))
        {
            ImportProjectsCsv.Run(target, reader, "projects.csv").Value.ShouldBe(new ImportProjectsCsv.Result(0, 2));
        }

        var logo = FindProject.Run(target, "Logo").Value!;
        logo.ClientName.ShouldBe("Acme Corp");
        logo.Amount.ShouldBe(1500m);
        logo.Deadline.ShouldBe(new DateOnly(2026, 2, 20));
        FindProject.Run(target, "Lookbook").Value!.Currency.ShouldBe("USD");
    }

    [Fact]
    public void A_spreadsheet_without_ids_is_imported_with_defaults()
    {
        using var store = workspace.OpenStore();
        var csv = "Title,Client,Amount,Status\r\nPoster,Vela Yoga,300,working\r\nMenu,,,\r\n";

        ImportProjectsCsv.Run(store, new StringReader(csv), "sheet.csv").Value.ShouldBe(new ImportProjectsCsv.Result(2, 0));

        var poster = FindProject.Run(store, "Poster").Value!;
        poster.Status.ShouldBe(ProjectStatus.Working);
        poster.Currency.ShouldBe("EUR");
        FindProject.Run(store, "Menu").Value!.ClientName.ShouldBeNull();
    }

    [Theory]
    [InlineData("title,amount\nLogo,500\nSite,-5\n", "sheet.csv line 3: amount '-5' is not a positive number")]
    [InlineData("title,deadline\nLogo,15/02/2026\n", "sheet.csv line 2: deadline '15/02/2026' is not a date as YYYY-MM-DD")]
    [InlineData("title,status\nLogo,invoiced\n", "sheet.csv line 2: status 'invoiced' is not to_start, working, done or paid")]
    [InlineData("title,currency\nLogo,euro\n", "sheet.csv line 2: currency 'EURO' is not an ISO code")]
    [InlineData("title,client\nLogo,Acme\n,Acme\n", "sheet.csv line 3: the title is empty")]
    [InlineData("name,amount\nLogo,500\n", "sheet.csv has no header with a 'title' column")]
    public void A_file_with_a_bad_row_is_not_imported_at_all(string csv, string message)
    {
        using var store = workspace.OpenStore();

        ImportProjectsCsv.Run(store, new StringReader(csv), "sheet.csv").Failure!.Message.ShouldStartWith(message);

        store.Scalar("SELECT COUNT(*) FROM projects").ShouldBe(0L);
    }

    [Fact]
    public void Export_and_import_commands_report_what_they_did()
    {
        workspace.Run("add", "Logo for Acme Corp, 500");
        var folder = Path.Combine(workspace.Directory, "out");

        workspace.Run("export", folder).Out.ShouldContain("projects.csv (1)");
        workspace.Run("import", Path.Combine(folder, "projects.csv")).Out.ShouldContain("Imported 0 projects from projects.csv (1 already there)");
        workspace.Run("import", Path.Combine(folder, "missing.csv")).Error.ShouldStartWith("gigzilla: no file ");
    }

    public void Dispose() => workspace.Dispose();
}
