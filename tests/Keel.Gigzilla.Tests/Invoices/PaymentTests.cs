using Keel.Gigzilla.Invoices;
using Keel.Gigzilla.Projects;
using Keel.Gigzilla.Store;

namespace Keel.Gigzilla.Tests.Invoices;

public sealed class PaymentTests : IDisposable
{
    private readonly TestWorkspace workspace = new();

    private static Invoice Sent(TestWorkspace workspace, GigzillaStore store, string line)
    {
        var project = workspace.AddProject(store, line);
        CreateInvoice.Run(store, project.Id);
        return SendInvoice.Run(store, project.Id).Value!;
    }

    [Fact]
    public void Part_payments_make_the_invoice_partial_then_paid_and_the_project_paid()
    {
        using var store = workspace.OpenStore();
        var invoice = Sent(workspace, store, "Logo for Acme Corp, €1,500");

        var partial = RecordPayment.Run(store, new RecordPayment.Request(invoice.Number!, 500m)).Value!;
        partial.Status.ShouldBe(InvoiceStatus.Partial);
        partial.Remaining.ShouldBe(new Money(1000m, "EUR"));
        FindProject.Run(store, "Logo").Value!.Status.ShouldBe(ProjectStatus.ToStart);

        var paid = RecordPayment.Run(store, new RecordPayment.Request(invoice.Number!, 1000m, new DateOnly(2026, 1, 30))).Value!;
        paid.Status.ShouldBe(InvoiceStatus.Paid);
        paid.PaidDate.ShouldBe(new DateOnly(2026, 1, 30));
        FindProject.Run(store, "Logo").Value!.Status.ShouldBe(ProjectStatus.Paid);
        store.Scalar("SELECT COUNT(*) FROM payments").ShouldBe(2L);
    }

    [Theory]
    [InlineData(0, "must be positive")]
    [InlineData(-50, "must be positive")]
    [InlineData(1500.01, "more than the €1,500 still due")]
    public void Amounts_that_are_not_positive_or_exceed_what_is_due_are_refused(decimal amount, string message)
    {
        using var store = workspace.OpenStore();
        var invoice = Sent(workspace, store, "Logo for Acme Corp, €1,500");

        RecordPayment.Run(store, new RecordPayment.Request(invoice.Number!, amount)).Failure!.Message.ShouldContain(message);
        store.Scalar("SELECT COUNT(*) FROM payments").ShouldBe(0L);
    }

    [Fact]
    public void Drafts_paid_invoices_other_currencies_and_future_dates_are_refused()
    {
        using var store = workspace.OpenStore();
        var draftProject = workspace.AddProject(store, "Site for Acme Corp, 900");
        var draft = CreateInvoice.Run(store, draftProject.Id).Value!;
        var invoice = Sent(workspace, store, "Logo for Acme Corp, €1,500");

        RecordPayment.Run(store, new RecordPayment.Request(draft.Id, 100m)).Failure!.Message.ShouldContain("still a draft");
        RecordPayment.Run(store, new RecordPayment.Request(invoice.Number!, 100m, Currency: "USD")).Failure!.Message.ShouldContain("is in EUR, not USD");
        RecordPayment.Run(store, new RecordPayment.Request(invoice.Number!, 100m, new DateOnly(2026, 2, 2))).Failure!.Message.ShouldContain("in the future");
        RecordPayment.Run(store, new RecordPayment.Request(invoice.Number!, 100m, Method: "barter")).Failure!.Message.ShouldContain("unknown payment method");
        RecordPayment.Run(store, new RecordPayment.Request(invoice.Number!, 1500m));
        RecordPayment.Run(store, new RecordPayment.Request(invoice.Number!, 1m)).Failure!.Message.ShouldContain("is paid; it takes no more payments");
    }

    public void Dispose() => workspace.Dispose();
}
