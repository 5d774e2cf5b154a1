using Keel.Gigzilla.Store;

namespace Keel.Gigzilla.Projects;

/// <summary>All projects, open work first by deadline; optionally only one status.</summary>
internal static class ListProjects
{
    public static IReadOnlyList<Project> Run(GigzillaStore store, ProjectStatus? status = null) =>
        store.Query(
            $"""
            {Project.SelectSql}
            WHERE $status IS NULL OR p.status = $status
            ORDER BY CASE p.status WHEN 'to_start' THEN 1 WHEN 'working' THEN 0 WHEN 'done' THEN 2 ELSE 3 END,
                     p.deadline IS NULL, p.deadline, p.created_at
            """,
            Project.Read,
            ("$status", status?.ToStored()));
}
