namespace Keel.FixCi.GitHub;

/// <summary>A repository's <c>owner/name</c>, as in <c>repository.full_name</c>.</summary>
internal readonly record struct RepositoryName(string Owner, string Name)
{
    public string FullName => $"{Owner}/{Name}";

    /// <summary>The two path segments, escaped for a URL.</summary>
    public string Path => $"{Uri.EscapeDataString(Owner)}/{Uri.EscapeDataString(Name)}";

    public static bool TryParse(string? fullName, out RepositoryName name)
    {
        name = default;
        var slash = fullName?.IndexOf('/') ?? -1;
        if (fullName is null || slash <= 0 || slash == fullName.Length - 1 || fullName.IndexOf('/', slash + 1) >= 0)
        {
            return false;
        }

        name = new RepositoryName(fullName[..slash], fullName[(slash + 1)..]);
        return true;
    }

    public override string ToString() => FullName;
}
