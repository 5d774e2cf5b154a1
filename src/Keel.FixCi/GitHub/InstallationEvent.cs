namespace Keel.FixCi.GitHub;

/// <summary>An <c>installation</c> or <c>installation_repositories</c> webhook.</summary>
/// <param name="Action"><c>created</c>, <c>deleted</c>, <c>suspend</c>, <c>unsuspend</c>, <c>added</c>, <c>removed</c> ...</param>
/// <param name="Added">The repositories the installation covers from now on (all of them on <c>created</c>).</param>
/// <param name="Removed">The repositories it no longer covers.</param>
internal sealed record InstallationEvent(
    long InstallationId,
    string Action,
    GitHubAccount? Account,
    IReadOnlyList<InstallationRepository> Added,
    IReadOnlyList<InstallationRepository> Removed);

/// <summary>A repository as installation events name it: GitHub's id and <c>owner/name</c>.</summary>
internal sealed record InstallationRepository(long Id, string FullName);
