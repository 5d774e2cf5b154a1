namespace Keel.FixCi.GitHub;

/// <summary>A completed workflow run that failed, taken from a <c>workflow_run</c> webhook.</summary>
/// <param name="PullRequests">
/// The pull requests GitHub attached to the run. Empty for pull requests from forks (and for pushes): look the pull
/// request up by <see cref="HeadSha"/>.
/// </param>
/// <param name="DefaultBranch">The repository's default branch: where to look for a passing run when there is no pull request.</param>
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
    IReadOnlyList<PullRequestRef> PullRequests);
