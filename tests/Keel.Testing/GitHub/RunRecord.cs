namespace Keel.Testing.GitHub;

sealed class RunRecord(long id, long workflowId, string name, string headSha, string headBranch, string conclusion, int attempt, DateTimeOffset created)
{
    public long Id { get; } = id;
    public long WorkflowId { get; } = workflowId;
    public string Name { get; } = name;
    public string HeadSha { get; } = headSha;
    public string HeadBranch { get; } = headBranch;
    public string Conclusion { get; } = conclusion;
    public int Attempt { get; } = attempt;
    public DateTimeOffset Created { get; } = created;
}
