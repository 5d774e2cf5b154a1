using Keel.Gigzilla.Invoices;
using Keel.Gigzilla.Settings;
using Keel.Gigzilla.Store;
using Microsoft.Data.Sqlite;

namespace Keel.Gigzilla.Tests.Invoices;

public sealed class InvoiceTests : IDisposable
{
    private readonly TestWorkspace workspace = new();

    private Invoice SendNew(GigzillaStore store, string line)
    {
        var project = workspace.AddProject(store, line);
        CreateInvoice.Run(store, project.Id).Failure.ShouldBeNull();
        var sent = SendInvoice.Run(store, project.Id);
        sent.Failure.ShouldBeNull();
        return sent.Value!;
    }

    [Fact]
    public void A_new_invoice_is_a_draft_for_the_project_amount_without_a_number()
    {
        using var store = workspace.OpenStore();
        var project = workspace.AddProject(store, "Logo for Acme Corp, $1,250.50");

        var invoice = CreateInvoice.Run(store, project.Id).Value!;

        invoice.Status.ShouldBe(InvoiceStatus.Draft);
        invoice.Number.ShouldBeNull();
        invoice.Total.ShouldBe(new Money(1250.50m, "USD"));
        invoice.CreatedDate.ShouldBe(workspace.Today);
    }

    [Fact]
    public void A_project_without_an_amount_or_with_an_open_invoice_cannot_be_invoiced()
    {
        using var store = workspace.OpenStore();
        var free = workspace.AddProject(store, "Coffee chat for Acme Corp");
        var paid = workspace.AddProject(store, "Logo for Acme Corp, 500");
        CreateInvoice.Run(store, paid.Id);

        CreateInvoice.Run(store, free.Id).Failure!.Message.ShouldContain("has no amount");
        CreateInvoice.Run(store, paid.Id).Failure!.Message.ShouldContain("already has invoice draft");
    }

    [Fact]
    public void Sending_numbers_the_invoice_and_sets_the_due_date_from_the_settings()
    {
        using var store = workspace.OpenStore();

        var first = SendNew(store, "Logo for Acme Corp, 500");
        var second = SendNew(store, "Site for Acme Corp, 900");

        first.Number.ShouldBe("INV-2026-001");
        second.Number.ShouldBe("INV-2026-002");
        first.Status.ShouldBe(InvoiceStatus.Sent);
        first.SentDate.ShouldBe(new DateOnly(2026, 2, 1));
        first.DueDate.ShouldBe(new DateOnly(2026, 2, 15));
    }

    [Fact]
    public void Numbering_restarts_each_year_at_the_start_number()
    {
        using var store = workspace.OpenStore();
        SettingsDocuments.SaveSettings(store, new WorkspaceSettings { InvoiceStartNumber = 40, InvoiceNumberFormat = "{YY}/{####}" });
        SendNew(store, "Logo for Acme Corp, 500").Number.ShouldBe("26/0040");
        SendNew(store, "Site for Acme Corp, 500").Number.ShouldBe("26/0041");

        workspace.SetToday(new DateOnly(2027, 1, 2));

        SendNew(store, "Banner for Acme Corp, 500").Number.ShouldBe("27/0040");
    }

    [Fact]
    public void Without_yearly_reset_the_sequence_continues_across_years()
    {
        using var store = workspace.OpenStore();
        SettingsDocuments.SaveSettings(store, new WorkspaceSettings { InvoiceResetYearly = false, InvoiceNumberFormat = "F-{###}" });
        SendNew(store, "Logo for Acme Corp, 500");

        workspace.SetToday(new DateOnly(2027, 1, 2));

        SendNew(store, "Site for Acme Corp, 500").Number.ShouldBe("F-002");
    }

    [Fact]
    public void A_number_is_never_given_twice_even_when_its_invoice_is_cancelled()
    {
        using var store = workspace.OpenStore();
        var first = SendNew(store, "Logo for Acme Corp, 500");
        store.Write<int>(() => store.Execute("UPDATE invoices SET status = 'cancelled' WHERE id = $id", ("$id", first.Id)));

        SendNew(store, "Site for Acme Corp, 500").Number.ShouldBe("INV-2026-002");
        Should.Throw<SqliteException>(() => store.Execute("DELETE FROM invoices WHERE id = $id", ("$id", first.Id)));
    }

    [Fact]
    public void A_sent_invoice_is_locked()
    {
        using var store = workspace.OpenStore();
        var invoice = SendNew(store, "Logo for Acme Corp, 500");

        SendInvoice.Run(store, invoice.Number!).Failure!.Message.ShouldContain("already sent");
        Should.Throw<SqliteException>(() => store.Execute("UPDATE invoices SET amount = '400' WHERE id = $id", ("$id", invoice.Id)))
            .Message.ShouldContain("locked");
    }

    [Theory]
    [InlineData("INV-{###}", true, "no year")]
    [InlineData("INV-{YYYY}", false, "no sequence")]
    [InlineData("INV-{YYYY}-{Q}-{###}", true, "unknown part {Q}")]
    public void A_format_that_would_repeat_numbers_is_refused_when_sending(string format, bool resetYearly, string problem)
    {
        using var store = workspace.OpenStore();
        SettingsDocuments.SaveSettings(store, new WorkspaceSettings { InvoiceNumberFormat = format, InvoiceResetYearly = resetYearly });
        var project = workspace.AddProject(store, "Logo for Acme Corp, 500");
        CreateInvoice.Run(store, project.Id);

        SendInvoice.Run(store, project.Id).Failure!.Message.ShouldContain(problem);
        store.Scalar("SELECT status FROM invoices").ShouldBe("draft");
    }

    [Fact]
    public void An_invoice_is_found_by_number_in_any_case_by_id_prefix_or_by_project_title()
    {
        using var store = workspace.OpenStore();
        var invoice = SendNew(store, "Logo for Acme Corp, 500");

        FindInvoice.Run(store, "inv-2026-001").Value!.Id.ShouldBe(invoice.Id);
        FindInvoice.Run(store, invoice.Id[..6]).Value!.Id.ShouldBe(invoice.Id);
        FindInvoice.Run(store, "logo").Value!.Id.ShouldBe(invoice.Id);
        FindInvoice.Run(store, "INV-2026-999").Failure!.Message.ShouldContain("no invoice matches 'INV-2026-999'");
    }

    public void Dispose() => workspace.Dispose();
}
