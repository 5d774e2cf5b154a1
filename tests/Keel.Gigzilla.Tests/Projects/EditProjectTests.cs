using Keel.Gigzilla.Invoices;
using Keel.Gigzilla.Projects;

namespace Keel.Gigzilla.Tests.Projects;

public sealed class EditProjectTests : IDisposable
{
    private readonly TestWorkspace workspace = new();

    [Fact]
    public void What_the_quick_entry_misread_is_corrected_and_a_new_client_is_created()
    {
        using var store = workspace.OpenStore();
        var project = workspace.AddProject(store, "Logo for Acme Corp, €1,500, 2 weeks");

        var edited = EditProject.Run(store, project.Id,
            new EditProject.Changes("Logo and favicon", "Globex", 1800m, "usd", new DateOnly(2026, 3, 1))).Value!;

        edited.Title.ShouldBe("Logo and favicon");
        edited.ClientName.ShouldBe("Globex");
        edited.Amount.ShouldBe(1800m);
        edited.Currency.ShouldBe("USD");
        edited.Deadline.ShouldBe(new DateOnly(2026, 3, 1));
        store.Scalar("SELECT COUNT(*) FROM clients").ShouldBe(2L);
    }

    [Theory]
    [InlineData(" ", 100, "EUR", "needs a title")]
    [InlineData("Logo", -5, "EUR", "negative")]
    [InlineData("Logo", 100, "euro", "not an ISO currency")]
    public void Bad_changes_are_refused_and_nothing_is_saved(string title, int amount, string currency, string message)
    {
        using var store = workspace.OpenStore();
        var project = workspace.AddProject(store, "Logo for Acme Corp, €1,500, 2 weeks");

        var outcome = EditProject.Run(store, project.Id, new EditProject.Changes(title, "Acme Corp", amount, currency, null));

        outcome.Failure!.Message.ShouldContain(message);
        FindProject.Run(store, project.Id).Value.ShouldBe(project);
    }

    [Fact]
    public void An_invoiced_project_keeps_its_amount_but_its_title_and_deadline_can_change()
    {
        using var store = workspace.OpenStore();
        var project = workspace.AddProject(store, "Logo for Acme Corp, €1,500, 2 weeks");
        var invoice = CreateInvoice.Run(store, project.Id).Value!;
        SendInvoice.Run(store, invoice.Id).Failure.ShouldBeNull();

        EditProject.Run(store, project.Id, new EditProject.Changes("Logo", "Acme Corp", 2000m, "EUR", project.Deadline))
            .Failure!.Message.ShouldContain("credit note");
        EditProject.Run(store, project.Id, new EditProject.Changes("Logo (final)", "Acme Corp", 1500m, "EUR", null))
            .Value!.Title.ShouldBe("Logo (final)");
    }

    public void Dispose() => workspace.Dispose();
}
