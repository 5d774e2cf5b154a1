namespace Keel.FixCi.GitHub;

/// <summary>A completed workflow run that failed, taken from a <c>workflow_run</c> webhook.</summary>
/// <param name="PullRequests">
/// The pull requests GitHub attached to the run. Empty for pull requests from forks (and for pushes): look the pull
/// request up by <see cref="HeadSha"/>.
/// </param>
/// <param name="DefaultBranch">The repository's default branch: where to look for a passing run when there is no pull request.</param>
/// <param name="StartedAt">
/// <c>run_started_at</c> (else <c>created_at</c>): orders results, so an older run's analysis never replaces a newer one's.
/// </param>
/// <param name="RepositoryId">GitHub's id of the repository, which survives renames.</param>
/// <param name="Owner">The repository owner's login and type (<c>User</c> or <c>Organization</c>).</param>
internal sealed record WorkflowRunEvent(
    long InstallationId,
    RepositoryName Repository,
    string DefaultBranch,
    long RunId,
    int RunAttempt,
    long WorkflowId,
    string WorkflowName,
    string HeadSha,
    string? HeadBranch,
    string Conclusion,
    string? HtmlUrl,
    IReadOnlyList<PullRequestRef> PullRequests,
    DateTimeOffset? StartedAt = null,
    long? RepositoryId = null,
    GitHubAccount? Owner = null);

/// <summary>A GitHub user or organization: its login and type (<c>User</c>, <c>Organization</c>).</summary>
internal sealed record GitHubAccount(string Login, string Type);
