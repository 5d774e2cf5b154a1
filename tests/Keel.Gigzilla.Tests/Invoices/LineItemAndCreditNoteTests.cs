using Keel.Gigzilla.Invoices;
using Keel.Gigzilla.Projects;
using Keel.Gigzilla.Store;
using Microsoft.Data.Sqlite;

namespace Keel.Gigzilla.Tests.Invoices;

public sealed class LineItemAndCreditNoteTests : IDisposable
{
    private readonly TestWorkspace workspace = new();

    private Invoice Draft(GigzillaStore store, string line, decimal vat = 0m, bool reverseCharge = false)
    {
        var project = workspace.AddProject(store, line);
        var created = CreateInvoice.Run(store, project.Id, vat, reverseCharge);
        created.Failure.ShouldBeNull();
        return created.Value!;
    }

    [Fact]
    public void Vat_is_added_per_rate_on_the_sum_of_line_nets()
    {
        using var store = workspace.OpenStore();
        var draft = Draft(store, "Website for Helix Bio, €2,000", vat: 19m);

        var invoice = AddInvoiceLine.Run(store, new AddInvoiceLine.Request(draft.Id, "Hosting setup", 3m, 80.50m)).Value!;
        invoice = AddInvoiceLine.Run(store, new AddInvoiceLine.Request(draft.Id, "Printed brochure", 1m, 100m, VatRate: 7m)).Value!;

        invoice.NetAmount.ShouldBe(2341.50m);
        invoice.VatAmount.ShouldBe(425.89m + 7m);
        invoice.Amount.ShouldBe(2774.39m);
        InvoiceTotals.Compute(InvoiceTotals.LoadLines(store, draft.Id)).Vat.Select(rate => (rate.Rate, rate.Net, rate.Vat))
            .ShouldBe([(7m, 100m, 7m), (19m, 2241.50m, 425.89m)]);
    }

    [Fact]
    public void A_reverse_charge_invoice_carries_no_vat()
    {
        using var store = workspace.OpenStore();

        var invoice = Draft(store, "Audit for Zeta Labs, €500", reverseCharge: true);

        invoice.ReverseCharge.ShouldBeTrue();
        invoice.Amount.ShouldBe(500m);
        AddInvoiceLine.Run(store, new AddInvoiceLine.Request(invoice.Id, "Extra", 1m, 10m, VatRate: 19m)).Failure!.Message.ShouldContain("reverse-charge");
        CreateInvoice.Run(store, "Audit", 19m, reverseCharge: true).Failure!.Message.ShouldContain("carries no VAT");
    }

    [Theory]
    [InlineData(0, 10, null, "quantity must be positive")]
    [InlineData(1, -10, null, "negative")]
    [InlineData(1, 10, 120, "not a percentage")]
    public void Bad_lines_are_refused(decimal quantity, decimal price, int? vat, string message)
    {
        using var store = workspace.OpenStore();
        var draft = Draft(store, "Logo for Acme Corp, 500");

        AddInvoiceLine.Run(store, new AddInvoiceLine.Request(draft.Id, "Line", quantity, price, vat)).Failure!.Message.ShouldContain(message);
    }

    [Fact]
    public void The_lines_of_a_sent_invoice_are_locked()
    {
        using var store = workspace.OpenStore();
        var draft = Draft(store, "Logo for Acme Corp, 500");
        SendInvoice.Run(store, draft.Id);

        AddInvoiceLine.Run(store, new AddInvoiceLine.Request(draft.Id, "Extra", 1m, 10m)).Failure!.Message.ShouldContain("locked");
        Should.Throw<SqliteException>(() => store.Execute("UPDATE invoice_lines SET unit_price = '1'")).Message.ShouldContain("locked");
    }

    [Fact]
    public void A_credit_note_takes_the_next_number_and_lowers_what_is_due()
    {
        using var store = workspace.OpenStore();
        var draft = Draft(store, "Logo for Acme Corp, €1,500");
        SendInvoice.Run(store, draft.Id);

        var (note, invoice) = IssueCreditNote.Run(store, new IssueCreditNote.Request("INV-2026-001", "Discount agreed", 200m)).Value;

        note.Number.ShouldBe("INV-2026-002");
        note.Amount.ShouldBe(new Money(200m, "EUR"));
        invoice.Remaining.ShouldBe(new Money(1300m, "EUR"));
        invoice.Status.ShouldBe(InvoiceStatus.Sent);
        RecordPayment.Run(store, new RecordPayment.Request("INV-2026-001", 1300m)).Value!.Status.ShouldBe(InvoiceStatus.Paid);
        FindProject.Run(store, "Logo").Value!.Status.ShouldBe(ProjectStatus.Paid);
    }

    [Fact]
    public void Crediting_an_unpaid_invoice_in_full_cancels_it()
    {
        using var store = workspace.OpenStore();
        var draft = Draft(store, "Logo for Acme Corp, €1,500");
        SendInvoice.Run(store, draft.Id);

        var (_, invoice) = IssueCreditNote.Run(store, new IssueCreditNote.Request("INV-2026-001", "Project dropped")).Value;

        invoice.Status.ShouldBe(InvoiceStatus.Cancelled);
        invoice.CreditedAmount.ShouldBe(1500m);
        IssueCreditNote.Run(store, new IssueCreditNote.Request("INV-2026-001", "Again")).Failure!.Message.ShouldContain("cancelled");
    }

    [Fact]
    public void Credit_notes_are_refused_for_drafts_without_a_reason_or_beyond_the_invoice()
    {
        using var store = workspace.OpenStore();
        var draft = Draft(store, "Logo for Acme Corp, €1,500");

        IssueCreditNote.Run(store, new IssueCreditNote.Request(draft.Id, "Oops")).Failure!.Message.ShouldContain("is a draft");
        SendInvoice.Run(store, draft.Id);
        IssueCreditNote.Run(store, new IssueCreditNote.Request(draft.Id, " ")).Failure!.Message.ShouldContain("needs a reason");
        IssueCreditNote.Run(store, new IssueCreditNote.Request(draft.Id, "Oops", 1500.01m)).Failure!.Message.ShouldContain("more than the €1,500");
        IssueCreditNote.Run(store, new IssueCreditNote.Request(draft.Id, "Oops", -1m)).Failure!.Message.ShouldContain("must be positive");
    }

    [Fact]
    public void A_version_1_store_is_upgraded_with_one_line_per_existing_invoice()
    {
        System.IO.Directory.CreateDirectory(workspace.Directory);
        using (var connection = new SqliteConnection($"Data Source={Path.Combine(workspace.Directory, GigzillaStore.FileName)};Pooling=False"))
        {
            connection.Open();
            using var command = connection.CreateCommand();
            command.CommandText = $"""
                CREATE TABLE schema_version (version INTEGER PRIMARY KEY, applied_at TEXT NOT NULL);
                {StoreMigrations.All[0].Sql}
                INSERT INTO schema_version VALUES (1, 'then');
                INSERT INTO projects (id, title, amount, currency, status, created_at, updated_at) VALUES ('p1', 'Logo', '500', 'EUR', 'done', 'then', 'then');
                INSERT INTO invoices (id, number, project_id, amount, currency, status, created_date, sent_date, due_date)
                VALUES ('i1', 'INV-2025-007', 'p1', '500', 'EUR', 'sent', '2025-12-01', '2025-12-01', '2025-12-15');
                """;
            command.ExecuteNonQuery();
        }

        using var store = workspace.OpenStore();

        var invoice = FindInvoice.Run(store, "INV-2025-007").Value!;
        invoice.NetAmount.ShouldBe(500m);
        invoice.Remaining.ShouldBe(new Money(500m, "EUR"));
        InvoiceTotals.LoadLines(store, "i1").ShouldBe([new InvoiceLine(1, "Logo", 1m, 500m, 0m)]);
    }

    public void Dispose() => workspace.Dispose();
}
