using Keel.Gigzilla.Projects;
using Keel.Gigzilla.QuickEntry;

namespace Keel.Gigzilla.Tests.Projects;

public sealed class ProjectTests : IDisposable
{
    private readonly TestWorkspace workspace = new();

    [Fact]
    public void Adding_an_entry_creates_the_client_once_and_the_project_to_start()
    {
        using var store = workspace.OpenStore();

        var logo = workspace.AddProject(store, "Logo for Acme Corp, €1,500, 2 weeks");
        var brochure = workspace.AddProject(store, "acme corp brochure 800");

        logo.Status.ShouldBe(ProjectStatus.ToStart);
        logo.Amount.ShouldBe(1500m);
        logo.Currency.ShouldBe("EUR");
        logo.Deadline.ShouldBe(new DateOnly(2026, 2, 15));
        brochure.ClientName.ShouldBe("Acme Corp");
        brochure.ClientId.ShouldBe(logo.ClientId);
        store.Scalar("SELECT COUNT(*) FROM clients").ShouldBe(1L);
    }

    [Fact]
    public void An_entry_without_a_title_is_refused()
    {
        using var store = workspace.OpenStore();

        var outcome = AddProject.Run(store, QuickEntryParser.Parse("€500", workspace.Today, []));

        outcome.Failure!.Message.ShouldContain("no project title");
        store.Scalar("SELECT COUNT(*) FROM projects").ShouldBe(0L);
    }

    [Fact]
    public void A_project_is_found_by_id_prefix_exact_title_or_part_of_the_title()
    {
        using var store = workspace.OpenStore();
        var logo = workspace.AddProject(store, "Logo for Acme Corp, 500");
        workspace.AddProject(store, "Logo animation for Acme Corp, 900");

        FindProject.Run(store, logo.Id[..6]).Value!.Id.ShouldBe(logo.Id);
        FindProject.Run(store, "LOGO").Value!.Id.ShouldBe(logo.Id);
        FindProject.Run(store, "animation").Value!.Title.ShouldBe("Logo animation");
    }

    [Fact]
    public void An_ambiguous_reference_lists_the_candidates()
    {
        using var store = workspace.OpenStore();
        var first = workspace.AddProject(store, "Blog post for Vela Yoga, 200");
        var second = workspace.AddProject(store, "Blog banner for Vela Yoga, 150");

        var outcome = FindProject.Run(store, "blog");

        outcome.Failure!.Message.ShouldBe($"'blog' matches 2 projects: {first.ShortId} Blog post (Vela Yoga), {second.ShortId} Blog banner (Vela Yoga); use the id");
    }

    [Fact]
    public void An_unknown_reference_says_how_to_list_projects()
    {
        using var store = workspace.OpenStore();

        FindProject.Run(store, "nothing like it").Failure!.Message.ShouldBe("no project matches 'nothing like it' (run 'gigzilla projects' to list them)");
    }

    [Fact]
    public void A_project_moves_forward_through_the_pipeline_but_never_back()
    {
        using var store = workspace.OpenStore();
        var project = workspace.AddProject(store, "Logo for Acme Corp, 500");

        MoveProject.Run(store, project.Id, ProjectStatus.Working).Value!.Status.ShouldBe(ProjectStatus.Working);
        MoveProject.Run(store, project.Id, ProjectStatus.Done).Value!.Status.ShouldBe(ProjectStatus.Done);

        MoveProject.Run(store, project.Id, ProjectStatus.Working).Failure!.Message.ShouldContain("cannot go back");
        MoveProject.Run(store, project.Id, ProjectStatus.Done).Failure!.Message.ShouldContain("already done");
        MoveProject.Run(store, project.Id, ProjectStatus.Paid).Failure!.Message.ShouldContain("gigzilla pay");
    }

    public void Dispose() => workspace.Dispose();
}
