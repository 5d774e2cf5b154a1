namespace Keel.Testing.GitHub;

/// <summary>A repository's state in the fake.</summary>
sealed class RepositoryRecord(long id, string fullName, long installationId, string defaultBranch)
{
    public long Id { get; } = id;
    public string FullName { get; } = fullName;
    public long InstallationId { get; } = installationId;
    public string DefaultBranch { get; } = defaultBranch;
    public List<RunRecord> Runs { get; } = [];
    public List<JobRecord> Jobs { get; } = [];
    public List<PullRequestRecord> PullRequests { get; } = [];
    public List<CommentRecord> Comments { get; } = [];
}
