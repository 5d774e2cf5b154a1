using Keel.Gigzilla.Store;

namespace Keel.Gigzilla.Projects;

/// <summary>
/// Finds the one project a user means: an id prefix (as listed by <c>gigzilla projects</c>), else a title that
/// matches exactly, else a title containing the words, ignoring case. Several matches fail with the candidates.
/// </summary>
internal static class FindProject
{
    public static Outcome<Project> Run(GigzillaStore store, string reference)
    {
        reference = reference.Trim();
        if (reference.Length == 0)
        {
            return new Failure("missing PROJECT: give an id or a title (run 'gigzilla projects' to list them)");
        }

        var byId = IsIdPrefix(reference)
            ? store.Query($"{Project.SelectSql} WHERE p.id LIKE $prefix || '%'", Project.Read, ("$prefix", reference.ToLowerInvariant()))
            : [];
        if (byId.Count > 0)
        {
            return Single(byId, reference);
        }

        var byTitle = store.Query($"{Project.SelectSql} WHERE p.title = $title COLLATE NOCASE ORDER BY p.created_at", Project.Read, ("$title", reference));
        if (byTitle.Count == 0)
        {
            byTitle = store.Query(
                $"{Project.SelectSql} WHERE instr(lower(p.title), lower($title)) > 0 ORDER BY p.created_at",
                Project.Read,
                ("$title", reference));
        }

        return byTitle.Count == 0
            ? new Failure($"no project matches '{reference}' (run 'gigzilla projects' to list them)")
            : Single(byTitle, reference);
    }

    /// <summary>Id prefixes are at least 4 hex digits, so that a short word is read as a title.</summary>
    public static bool IsIdPrefix(string reference) =>
        reference.Length is >= 4 and <= 32 && reference.All(char.IsAsciiHexDigit);

    private static Outcome<Project> Single(List<Project> matches, string reference)
    {
        if (matches.Count == 1)
        {
            return matches[0];
        }

        var candidates = string.Join(", ", matches.Take(5).Select(project => $"{project.ShortId} {project.Label}"));
        var more = matches.Count > 5 ? $" and {matches.Count - 5} more" : "";
        return new Failure($"'{reference}' matches {matches.Count} projects: {candidates}{more}; use the id");
    }
}
