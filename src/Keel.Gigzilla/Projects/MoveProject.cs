using Keel.Gigzilla.Store;

namespace Keel.Gigzilla.Projects;

/// <summary>
/// Moves a project along the pipeline by hand: start it, or mark it done (which schedules its auto-invoice when the
/// settings ask for one). "Paid" follows from payments.
/// </summary>
internal static class MoveProject
{
    public static Outcome<Project> Run(GigzillaStore store, string reference, ProjectStatus to)
    {
        if (to is not (ProjectStatus.Working or ProjectStatus.Done))
        {
            return new Failure("a project becomes paid when its invoice is paid in full: record the payment with 'gigzilla pay'");
        }

        return store.Write(() =>
        {
            var found = FindProject.Run(store, reference);
            if (found.Value is not { } project)
            {
                return found;
            }

            if (project.Status == to)
            {
                return new Failure($"project {project.ShortId} '{project.Title}' is already {to.ToStored()}");
            }

            if (project.Status > to)
            {
                return new Failure($"project {project.ShortId} '{project.Title}' is {project.Status.ToStored()}; it cannot go back to {to.ToStored()}");
            }

            store.Execute(
                "UPDATE projects SET status = $status, updated_at = $now WHERE id = $id",
                ("$status", to.ToStored()),
                ("$now", store.Timestamp()),
                ("$id", project.Id));
            var moved = project with { Status = to };
            if (to == ProjectStatus.Done)
            {
                Automation.AutoInvoices.ScheduleOnDone(store, moved);
            }

            return moved;
        });
    }
}
