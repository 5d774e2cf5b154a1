namespace Keel.Gigzilla.Projects;

/// <summary>The pipeline: to_start → working → done → paid. "Invoiced" is done with an open invoice.</summary>
internal enum ProjectStatus
{
    ToStart,
    Working,
    Done,
    Paid,
}

internal static class ProjectStatusNames
{
    public static string ToStored(this ProjectStatus status) => status switch
    {
        ProjectStatus.ToStart => "to_start",
        ProjectStatus.Working => "working",
        ProjectStatus.Done => "done",
        ProjectStatus.Paid => "paid",
        _ => throw new ArgumentOutOfRangeException(nameof(status), status, null),
    };

    public static ProjectStatus FromStored(string value) => value switch
    {
        "to_start" => ProjectStatus.ToStart,
        "working" => ProjectStatus.Working,
        "done" => ProjectStatus.Done,
        "paid" => ProjectStatus.Paid,
        _ => throw new InvalidDataException($"Unknown project status '{value}' in the store."),
    };
}
