namespace Keel.FixCi.GitHub;

/// <summary>A pull request a run belongs to: its number, the branch it merges into, and its head commit.</summary>
internal sealed record PullRequestRef(int Number, string BaseBranch, string HeadSha);
